/** The one fontkit function layout.ts calls directly (fontkit ships no types): a font from a font file's bytes. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array): unknown;
}
