/**
 * Hands the browser a text file to save, as if the user had followed a download link.
 *
 * Browser only: it touches the DOM when called, not when imported, so the backend may still
 * import this package.
 *
 * @public
 */
export function saveTextFile(file: {
  /** The name the browser offers to save the file under. */
  name: string;
  /** The MIME type of the file, such as `text/plain`. */
  type: string;
  text: string;
}): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
