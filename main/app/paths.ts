/**
 * The same path outside the asar archive. Electron's fs reads inside app.asar, but native code
 * (sharp, the tfjs-node and onnxruntime binaries, anything handed a path by the trainer) cannot, so
 * the packaged app unpacks those files beside it (electron-builder's asarUnpack) and uses this path.
 */
export function unpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/]|$)/, "$1app.asar.unpacked");
}
