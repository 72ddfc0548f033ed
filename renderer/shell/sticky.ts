/** Table headers stick to the top of the page area, which scrolls, not the window. */
export const STICKY = { getContainer: () => document.querySelector<HTMLElement>('.app-content') ?? window };
