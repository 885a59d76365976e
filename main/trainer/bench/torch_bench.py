"""PyTorch side of `npm run bench:train`: the same three models, same batch sizes, random data.

Run by train.bench.ts with OPENBLAS_NUM_THREADS=1 (OpenBLAS's own threads would oversubscribe the
2 cores) and torch.set_num_threads(2). Prints one JSON object: {model: samples_per_second}.
"""
import json
import statistics
import sys
import time

import torch
from torch import nn

torch.set_num_threads(2)
torch.manual_seed(0)


def mlp():
    return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10)), (128, 784), "class"


def cnn():
    # Keras layout in the tfjs model is NHWC; PyTorch uses NCHW: same arithmetic.
    return (
        nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10),
        ),
        (64, 1, 28, 28),
        "class",
    )


class LSTMModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(32, 64, batch_first=True)
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


def lstm():
    return LSTMModel(), (64, 50, 32), "regression"


def measure(build, batches, repeats=3):
    model, shape, kind = build()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(*shape)
    y = torch.randint(0, 10, (shape[0],)) if kind == "class" else torch.randn(shape[0], 1)
    loss_fn = nn.CrossEntropyLoss() if kind == "class" else nn.MSELoss()

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(2):
        step()
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(batches):
            step()
        rates.append(shape[0] * batches / (time.perf_counter() - t0))
    return statistics.median(rates)


if __name__ == "__main__":
    batches = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {"mlp": 20, "cnn": 6, "lstm": 6}
    out = {"torch": torch.__version__}
    for name, build in (("mlp", mlp), ("cnn", cnn), ("lstm", lstm)):
        out[name] = measure(build, batches[name])
    print(json.dumps(out))
