// The only way the app creates a window: the options and hardening of window-policy.ts
// applied to a real BrowserWindow.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { hardenedWindowOptions, hardenWindow } from './window-policy';

export function createHardenedWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preload: string,
): BrowserWindow {
  return hardenWindow(new BrowserWindow(hardenedWindowOptions(options, preload)));
}
