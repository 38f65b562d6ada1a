// @vitest-environment happy-dom
// The probe's fingerprint of a form's field values: it changes with any value or checked state set
// (also by a script, without an event), stays the same otherwise, and keeps fields apart.
import { describe, expect, it } from 'vitest';
import { inputValues } from '../../src/content/input-values';

function form(): { root: HTMLElement; a: HTMLInputElement; b: HTMLInputElement; box: HTMLInputElement } {
  const root = document.createElement('div');
  const field = (id: string, value: string, type = 'text') => {
    const el = document.createElement('input');
    el.id = id;
    el.type = type;
    el.value = value;
    return el;
  };
  const total = document.createElement('p');
  total.textContent = 'Total 3';
  root.append(field('a', '1'), field('b', '2'), field('box', 'on', 'checkbox'), total);
  document.body.replaceChildren(root, field('outside', '9'));
  const get = (id: string) => document.getElementById(id) as HTMLInputElement;
  return { root, a: get('a'), b: get('b'), box: get('box') };
}

describe('inputValues', () => {
  it('is the same while nothing is set, and differs when a value or a checked state is', () => {
    const { root, a, box } = form();
    const before = inputValues(root);
    expect(inputValues(root)).toBe(before);
    (document.getElementById('outside') as HTMLInputElement).value = '8';
    expect(inputValues(root)).toBe(before);
    a.value = '1.5';
    const typed = inputValues(root);
    expect(typed).not.toBe(before);
    box.checked = true;
    expect(inputValues(root)).not.toBe(typed);
  });

  it('keeps fields apart: moving a character from one field to the next changes it', () => {
    const { root, a, b } = form();
    a.value = '12';
    b.value = '3';
    const one = inputValues(root);
    a.value = '1';
    b.value = '23';
    expect(inputValues(root)).not.toBe(one);
  });
});
