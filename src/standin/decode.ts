import { gridFromXlsxBuffer } from './load';
import { modelFromGrid, type SheetModel } from './model';

/** base64 without node's Buffer, so the stand-in runs in the browser too. */
export function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) bin += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(bin);
}

/** What Excel would insert from a base64 workbook: its sheets, settings sheet included as a sheet. */
export async function decodeWorkbook(base64: string): Promise<SheetModel[]> {
  const grid = await gridFromXlsxBuffer(base64ToBytes(base64), 'inserted.xlsx');
  return modelFromGrid(grid).sheets;
}
