/**
 * One Breakwatch per user: a second launch hands over to the first, which
 * shows and focuses its window.
 */

interface AppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

interface WindowLike {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Returns false (and quits) when another instance already runs. */
export function claimSingleInstance(
  app: AppLike,
  currentWindow: () => WindowLike | null,
  createWindow: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return createWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
