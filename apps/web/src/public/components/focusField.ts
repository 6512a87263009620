/** Moves focus to a field by its RJSF id (`root_<name>`), or to the first input of a group. */
export function focusField(name: string) {
  window.setTimeout(() => {
    const element = document.getElementById(`root_${name}`);
    const target = element?.matches('input, select, textarea')
      ? element
      : element?.querySelector<HTMLElement>('input, select, textarea');
    target?.focus();
  }, 0);
}
