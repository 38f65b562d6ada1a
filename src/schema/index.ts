// The one schema kit (kit.ts): every validator imports it from here.
export * from './kit';
