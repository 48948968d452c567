/**
 * Text read from a file (a name, a note, an option id, a path) that is about to reach a terminal.
 * Escape sequences in it could retitle the terminal, write the clipboard (OSC 52), move the cursor or
 * hide what follows; bidi controls could show it in another order than it is. Each such character is
 * shown instead: C0 controls as their Unicode control pictures (␛ for ESC), the others as <U+XXXX>.
 * Tab and line feed stay, so that messages keep their layout.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/** JSON for a terminal: JSON.stringify leaves C1 and bidi controls raw; escape them as \uXXXX (still the same JSON value). */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
