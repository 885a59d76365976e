#!/usr/bin/env python3
"""Writes the .npy / .npz test fixtures beside this script with NumPy itself (an independent writer).
Run: python3 main/data/__fixtures__/npy/make.py"""
import io
import os
import zipfile

import numpy as np
from numpy.lib import format as npf

here = os.path.dirname(os.path.abspath(__file__))
p = lambda name: os.path.join(here, name)

x = np.arange(12, dtype=np.float32).reshape(3, 2, 2) / 4  # exact in float32
for dt in ["<f4", ">f4", "<f8", ">f8", "<f2", "<i1", "<i2", ">i2", "<i4", "<i8", "<u1", "<u2", "<u4"]:
    np.save(p(f"x-{dt.replace('<', 'le-').replace('>', 'be-')}.npy"), (x * 4).astype(dt) if dt[1] in "iu" else x.astype(dt))
np.save(p("bool.npy"), np.array([[True, False], [False, True], [True, True]]))
np.save(p("fortran.npy"), np.asfortranarray(np.arange(6, dtype="<i4").reshape(2, 3)))
np.save(p("scalar.npy"), np.float32(1.5))
np.save(p("labels.npy"), np.array([0, 2, 1], dtype="<i8"))
np.save(p("labels-two.npy"), np.array([0, 1], dtype="<i8"))
np.save(p("labels-negative.npy"), np.array([0, -1, 1], dtype="<i8"))
np.save(p("targets.npy"), np.array([[0.5], [1.5], [2.5]], dtype="<f4"))
np.save(p("i8-too-big.npy"), np.array([1, 2**40], dtype="<i8"))
np.save(p("complex.npy"), np.array([1 + 2j], dtype="<c8"))
np.save(p("object.npy"), np.array([{"a": 1}], dtype=object), allow_pickle=True)
np.save(p("strings.npy"), np.array(["ab", "c"]))
np.save(p("structured.npy"), np.zeros(2, dtype=[("a", "<i4"), ("b", "<f4")]))

# Header versions 2.0 and 3.0 (3.0: UTF-8 header), written explicitly.
for version in [(2, 0), (3, 0)]:
    with open(p(f"v{version[0]}.npy"), "wb") as f:
        npf.write_array(f, x, version=version)

with open(p("x-le-f4.npy"), "rb") as f:
    good = f.read()
with open(p("truncated.npy"), "wb") as f:
    f.write(good[:-4])
with open(p("not-npy.npy"), "wb") as f:
    f.write(b"a,b\n1,2\n")
with open(p("bad-header.npy"), "wb") as f:
    header = b"{'descr': '<f4', 'fortran_order': False, 'shape': oops, }"
    header += b" " * (63 - (10 + len(header)) % 64) + b"\n"
    f.write(b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header + b"\0" * 8)

# .npz: np.savez (stored) and np.savez_compressed (deflated), both with NumPy's forced zip64 local headers.
np.savez(p("arrays.npz"), x=x, y=np.array([0, 2, 1], dtype="<i8"))
np.savez_compressed(p("arrays-compressed.npz"), x=x, y=np.array([0, 2, 1], dtype="<i8"))
with open(p("arrays.npz"), "rb") as f:
    npz = f.read()
with open(p("truncated.npz"), "wb") as f:
    f.write(npz[: len(npz) // 2])
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_BZIP2) as z:
    z.writestr("x.npy", good)
with open(p("bzip2.npz"), "wb") as f:
    f.write(buf.getvalue())
