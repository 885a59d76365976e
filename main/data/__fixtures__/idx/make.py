#!/usr/bin/env python3
"""Writes the IDX test fixtures beside this script (an independent writer: Python's struct and gzip,
not our TypeScript code). Run: python3 main/data/__fixtures__/idx/make.py"""
import gzip
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))


def idx(magic, dims, payload):
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dims) + bytes(payload)


def write(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


# 4 images of 3 rows x 2 cols: pixel value = 10 * image + position (0..5), last pixel of image 3 is 255.
pixels = [10 * i + p for i in range(4) for p in range(6)]
pixels[-1] = 255
images = idx(0x803, [4, 3, 2], pixels)
labels = idx(0x801, [4], [0, 2, 1, 2])
write("images.idx", images)
write("labels.idx", labels)
# gzip with mtime 0 so the bytes are reproducible; one without a .gz name (detection is by header).
write("images.idx.gz", gzip.compress(images, mtime=0))
write("labels-gz.bin", gzip.compress(labels, mtime=0))

write("magic-wrong.idx", idx(0x804, [4, 3, 2, 1], pixels))
write("magic-little-endian.idx", struct.pack("<I", 0x803) + images[4:])
write("truncated.idx", images[:-5])
write("trailing.idx", images + b"\0\0")
write("header-only.idx", images[:6])
write("truncated.idx.gz", gzip.compress(images, mtime=0)[:30])
write("labels-three.idx", idx(0x801, [3], [0, 1, 2]))
write("labels-range.idx", idx(0x801, [4], [0, 1, 12, 2]))
write("labels-one-class.idx", idx(0x801, [4], [1, 1, 1, 1]))
