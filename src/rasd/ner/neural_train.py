"""Training the NER network with torch and exporting it to ONNX (training time only: ``pip install -e ".[train]"``).

The network (see :mod:`rasd.ner.neural` for its inputs): the mean of the vectors of the word's
pieces, concatenated with the word vector and the dense features, projected to ``hidden`` units, then
residual dilated 1-d convolutions over the sentence (dilations 1, 2, 1: each token sees four tokens
either side), and a softmax over the nine BIO tags. Trained with cross-entropy; decoded with
BIO-constrained Viterbi (:func:`rasd.ner.neural.viterbi`). With ``average_from`` the weights are
averaged over the epochs from that one on; ``marginal_dropout`` hides the first stage's marginals
from that share of the training sentences (so that the network learns to tag without them too); with
``nets`` above 1, that many networks (different seeds)
are trained and their probabilities averaged (one exported graph).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rasd.errors import RasdError
from rasd.ner.neural import N_DENSE, N_PIECES, TAGS, NetInputs

DEFAULTS: dict[str, Any] = {
    "hidden": 64,
    "piece_dim": 32,
    "dilations": (1, 2, 1),
    "dropout": 0.3,
    "lr": 2e-3,
    "epochs": 16,
    "batch": 16,
    "seed": 7,
    "average_from": 5,
    "nets": 1,
    "marginal_dropout": 0.0,
}


def require_torch() -> Any:
    try:
        import torch
    except ImportError as e:
        raise RasdError('training the NER network needs torch: pip install -e ".[train]"') from e
    return torch


def make_net(dim: int, n_pieces: int, params: dict[str, Any]) -> Any:
    """The (untrained) torch module; ``n_pieces`` known pieces (ids 2..n_pieces+1)."""
    torch = require_torch()
    nn = torch.nn

    class Net(nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            h = int(params["hidden"])
            self.piece_emb = nn.Embedding(n_pieces + 2, int(params["piece_dim"]), padding_idx=0)
            self.inp = nn.Linear(dim + int(params["piece_dim"]) + N_DENSE, h)
            self.convs = nn.ModuleList(nn.Conv1d(h, h, 3, padding=d, dilation=d) for d in params["dilations"])
            self.drop = nn.Dropout(float(params["dropout"]))
            self.out = nn.Linear(h, len(TAGS))

        def forward(self, emb: Any, pieces: Any, dense: Any, mask: Any) -> Any:
            ch = self.piece_emb(pieces).mean(2)
            x = torch.cat([self.drop(emb), self.drop(ch), dense], 2)
            h = torch.relu(self.inp(x)) * mask
            for conv in self.convs:
                h = h + torch.relu(conv(self.drop(h).transpose(1, 2))).transpose(1, 2)
                h = h * mask
            return torch.softmax(self.out(self.drop(h)), -1)

    return Net()


def train_net(
    inputs: NetInputs,
    items: Sequence[tuple[Any, Any, Any]],
    gold: Sequence[Sequence[str]],
    n_pieces: int,
    params: dict[str, Any] | None = None,
    evaluate: Callable[[Any, int], float] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Any:
    """Train the network on sentences' inputs (:func:`rasd.ner.neural.document_inputs`) and gold tags.

    Args:
        inputs: the word vectors and pieces (pads the batches).
        items: per sentence, the network's inputs.
        gold: per sentence, the gold BIO tags.
        n_pieces: how many pieces ``inputs`` knows.
        params: overrides of :data:`DEFAULTS`.
        evaluate: called with the model (in eval mode) and the epoch after every epoch (for choosing
            settings on held-out data); its value is reported.
        progress: called with lines of progress.

    Returns:
        The trained torch module (eval mode).
    """
    torch = require_torch()
    p = {**DEFAULTS, **(params or {})}
    n = int(p["nets"])
    if n <= 1:
        return _train_one(inputs, items, gold, n_pieces, p, evaluate, progress)
    nets = []
    for k in range(n):
        nets.append(_train_one(inputs, items, gold, n_pieces, {**p, "seed": int(p["seed"]) + k}, evaluate, progress))

    class Mean(torch.nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.nets = torch.nn.ModuleList(nets)

        def forward(self, emb: Any, pieces: Any, dense: Any, mask: Any) -> Any:
            return sum(m(emb, pieces, dense, mask) for m in self.nets) / len(self.nets)

    return Mean().eval()


def _train_one(
    inputs: NetInputs,
    items: Sequence[tuple[Any, Any, Any]],
    gold: Sequence[Sequence[str]],
    n_pieces: int,
    p: dict[str, Any],
    evaluate: Callable[[Any, int], float] | None,
    progress: Callable[[str], None] | None,
) -> Any:
    torch = require_torch()
    say = progress or (lambda _m: None)
    torch.manual_seed(int(p["seed"]))
    rng = random.Random(int(p["seed"]))
    net = make_net(inputs.dim, n_pieces, p)
    opt = torch.optim.Adam(net.parameters(), lr=float(p["lr"]))
    epochs = int(p["epochs"])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0 - e / (epochs + 1))
    avg_from = int(p["average_from"])
    avg = torch.optim.swa_utils.AveragedModel(net) if avg_from else None
    tag_id = {t: i for i, t in enumerate(TAGS)}
    data = [(it, np.array([tag_id[t] for t in g], dtype=np.int64)) for it, g in zip(items, gold, strict=True)
            if len(g)]
    size = int(p["batch"])
    drop_marg = float(p["marginal_dropout"])
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        net.train()
        order = list(range(len(data)))
        rng.shuffle(order)
        # batches of similar length: shuffle, then sort within chunks of 50 batches
        chunks = [order[a : a + size * 50] for a in range(0, len(order), size * 50)]
        batches = [c2[a : a + size] for c in chunks
                   for c2 in [sorted(c, key=lambda i: len(data[i][1]))] for a in range(0, len(c2), size)]
        rng.shuffle(batches)
        total = 0.0
        for bt in batches:
            feed = inputs.batch([data[i][0] for i in bt])
            if drop_marg:
                hide = np.array([rng.random() < drop_marg for _ in bt])
                feed["dense"][hide, :, : len(TAGS)] = 0.0
            y = np.full(feed["mask"].shape[:2], -100, dtype=np.int64)
            for k, i in enumerate(bt):
                y[k, : len(data[i][1])] = data[i][1]
            probs = net(*(torch.from_numpy(feed[n]) for n in ("emb", "pieces", "dense", "mask")))
            loss = torch.nn.functional.nll_loss(torch.log(probs.clamp_min(1e-8)).reshape(-1, len(TAGS)),
                                                torch.from_numpy(y).reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(bt)
        sched.step()
        if avg is not None and epoch >= avg_from:
            avg.update_parameters(net)
        msg = f"epoch {epoch}: loss {total / len(data):.4f} ({time.perf_counter() - t0:.0f} s)"
        if evaluate is not None:
            with torch.no_grad():
                model = avg.module if avg is not None and epoch >= avg_from else net
                model.eval()
                msg += f", held-out {evaluate(model, epoch):.2f}"
        say(msg)
    out = avg.module if avg is not None else net
    out.eval()
    return out


def export_net(net: Any, dim: int, out: Path) -> None:
    """Write the trained module as an ONNX graph with inputs emb, pieces, dense, mask and output probs."""
    torch = require_torch()
    b, t = 2, 5
    example = (torch.zeros(b, t, dim), torch.ones(b, t, N_PIECES, dtype=torch.int64), torch.zeros(b, t, N_DENSE),
               torch.ones(b, t, 1))
    axes = {"emb": {0: "b", 1: "t"}, "pieces": {0: "b", 1: "t"}, "dense": {0: "b", 1: "t"}, "mask": {0: "b", 1: "t"},
            "probs": {0: "b", 1: "t"}}
    out.parent.mkdir(parents=True, exist_ok=True)
    net.eval()
    torch.onnx.export(net, example, str(out), input_names=["emb", "pieces", "dense", "mask"], output_names=["probs"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)


def predict(net: Any, inputs: NetInputs, items: Sequence[tuple[Any, Any, Any]], batch: int = 64) -> list[Any]:
    """Tag probabilities of each sentence's inputs with the torch module (as :meth:`NerNet.probabilities`)."""
    torch = require_torch()
    out: list[Any] = [np.zeros((0, len(TAGS)), dtype=np.float32)] * len(items)
    idx = [i for i in range(len(items)) if len(items[i][0])]
    idx.sort(key=lambda i: len(items[i][0]))
    with torch.no_grad():
        for a in range(0, len(idx), batch):
            part = idx[a : a + batch]
            feed = inputs.batch([items[i] for i in part])
            probs = net(*(torch.from_numpy(feed[n]) for n in ("emb", "pieces", "dense", "mask"))).numpy()
            for k, i in enumerate(part):
                out[i] = probs[k, : len(items[i][0])]
    return out
