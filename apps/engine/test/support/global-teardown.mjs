export default async function globalTeardown() {
  await globalThis.__FORMWORK_EMBEDDED__?.stop();
}
