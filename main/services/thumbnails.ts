import { isAbsolute, join } from "node:path";
import sharp, { type Sharp } from "sharp";
import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { readIdxImages } from "../data/idx/images";
import type { FolderAccess } from "./access";

type Thumbnail = ResponseOf<"data.thumbnails">["thumbnails"][number];
type Request = ParsedRequestOf<"data.thumbnails">;

/**
 * PNG previews for the Data tab's image grid, decoded with the same sharp as training: files of an
 * image folder, or images of an IDX file (MNIST, Fashion-MNIST). Every path is checked against the
 * opened folders before any file is read; an image that does not decode gets its reason rather
 * than failing the whole grid. The image is shown as it looks in a browser: EXIF orientation
 * applied, transparency on white, small images not enlarged.
 */
export async function thumbnails(folders: FolderAccess, req: Request): Promise<ResponseOf<"data.thumbnails">> {
  if (req.idx !== undefined) return idxThumbnails(folders, req.idx, req.indices ?? [], req.size);
  const folder = req.folder ?? "";
  const files = req.files ?? [];
  const root = await folders.check(folder, "read");
  const paths: string[] = [];
  for (const file of files) {
    if (isAbsolute(file) || file.split(/[\\/]/).includes("..")) {
      throw new ApiError(
        "E_BAD_REQUEST",
        `expected a file name relative to ${folder} without ".."; received "${file}"`,
      );
    }
    paths.push(await folders.check(join(root, file), "read"));
  }
  return {
    thumbnails: await Promise.all(
      paths.map((path, i) => encode(files[i], () => sharp(path, { animated: false }).rotate(), req.size)),
    ),
  };
}

/** The images at `indices` of an IDX images file, grey levels as they are stored (0 is black). */
async function idxThumbnails(
  folders: FolderAccess,
  file: string,
  indices: readonly number[],
  size: number,
): Promise<ResponseOf<"data.thumbnails">> {
  // A file that is not IDX, or too short, throws a DataError; the data service makes it E_DATA.
  const { rows, cols, images } = await readIdxImages(await folders.check(file, "read"), indices);
  const raw = { width: cols, height: rows, channels: 1 } as const;
  return {
    thumbnails: await Promise.all(
      images.map((pixels, i) => encode(String(indices[i]), () => sharp(pixels, { raw }), size)),
    ),
  };
}

async function encode(file: string, source: () => Sharp, size: number): Promise<Thumbnail> {
  try {
    const { data, info } = await source()
      .flatten({ background: "#ffffff" })
      .resize(size, size, { fit: "inside", withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { file, url: `data:image/png;base64,${data.toString("base64")}`, width: info.width, height: info.height };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file,
      url: null,
      width: 0,
      height: 0,
      error: `expected a readable PNG, JPEG, WebP or GIF image; ${reason}`,
    };
  }
}
