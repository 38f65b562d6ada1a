// STAND-IN for the shared form schema (team contract point 2, owner h2). The port handler needs
// a check that says which part of a form failed, so a refused form can be answered by its seq
// with that path. Until the shared schema lands, this wraps the existing isOrderForm and knows
// the two things the contract already allows that it does not: a wallet balance of "0" and
// `account.positionsTooMany: true` (with `positions: null`). At the merge, replace the body of
// checkPageForm (or its import in market-port.ts) with the schema's own check; the result type
// is the same.
import { isOrderForm } from '../../messaging/validate-cs-to-bg';
import type { OrderForm } from '../../venues/types';

export type FormCheck = { ok: true; form: OrderForm } | { ok: false; path: string; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The form with what the contract allows and isOrderForm does not yet taken out, for isOrderForm. */
function asOldForm(form: Obj): Obj {
  const account = form.account;
  if (!isObj(account)) return form;
  const { positionsTooMany, ...rest } = account;
  const tooMany = positionsTooMany === true && rest.positions === null;
  const old: Obj = { ...rest, walletBalance: rest.walletBalance === '0' ? null : rest.walletBalance };
  return { ...form, account: tooMany || positionsTooMany === undefined ? old : account };
}

export function checkPageForm(form: unknown): FormCheck {
  if (!isObj(form)) return { ok: false, path: 'form', reason: 'not an object' };
  const old = asOldForm(form);
  if (isOrderForm(old)) return { ok: true, form: form as unknown as OrderForm };
  // Narrow down to the account and its two parts; anything else is "the form".
  const account = old.account;
  if (!isObj(account) || !isOrderForm({ ...old, account: undefined })) return { ok: false, path: 'form', reason: 'does not match the order form schema' };
  for (const part of ['walletBalance', 'positions'] as const) {
    if (isOrderForm({ ...old, account: { ...account, [part]: null } })) return { ok: false, path: `account.${part}`, reason: 'does not match the order form schema' };
  }
  return { ok: false, path: 'account', reason: 'does not match the order form schema' };
}
