/** The first block of a uuid: enough to tell ids apart at a glance. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}
