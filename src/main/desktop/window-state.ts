/**
 * Remembers the window's size and position between runs, and never restores
 * it off-screen (a monitor that was unplugged, a smaller display).
 */
import { readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState extends Partial<Bounds> {
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW: WindowState = { width: 1180, height: 820, maximized: false };
const MIN = { width: 720, height: 520 };

const schema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(100).max(20_000),
  height: z.number().int().min(100).max(20_000),
  maximized: z.boolean(),
});

export function loadWindowState(file: string): WindowState {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW;
  } catch {
    return DEFAULT_WINDOW;
  }
}

export function saveWindowState(file: string, state: WindowState): Promise<void> {
  return writeFileAtomic(file, JSON.stringify(state));
}

/**
 * Fits a saved state to the displays there are now: at least 100×100 px of
 * the title area must be on a display, or the position is dropped (centred).
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Bounds[]): WindowState {
  const width = Math.max(MIN.width, state.width);
  const height = Math.max(MIN.height, state.height);
  if (state.x === undefined || state.y === undefined) return { width, height, maximized: state.maximized };
  const { x, y } = state;
  const visible = workAreas.some(
    (area) =>
      x + width - 100 >= area.x &&
      x + 100 <= area.x + area.width &&
      y >= area.y &&
      y + 100 <= area.y + area.height,
  );
  if (!visible) return { width, height, maximized: state.maximized };
  const area = workAreas.find((a) => x + 100 <= a.x + a.width && x + width - 100 >= a.x) ?? workAreas[0]!;
  return {
    x,
    y,
    width: Math.min(width, area.width),
    height: Math.min(height, area.height),
    maximized: state.maximized,
  };
}
