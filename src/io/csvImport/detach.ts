// Copies of cut-out text that do not keep the whole decoded slice they were cut from alive.

/**
 * V8 keeps a substring of 13 or more characters as a view of the string it was cut from. A category spelling or an
 * issue excerpt kept for a whole import would so keep its whole decoded slice (megabytes) in memory, one slice per
 * spelling in a large file. Joined to a character and cut off again, the text is copied into a string of its own.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1);
}
