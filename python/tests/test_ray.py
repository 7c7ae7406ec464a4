"""The ray.data example from the README (map_batches over Parquet, Ray's local mode).
Skipped, with the reason shown, where Ray is not installed."""

import pytest

import rewardkit
from conftest import EXAMPLE_SPEC

ray = pytest.importorskip(
    "ray", reason="Ray is not installed here (pip install 'ray[data]'): the ray.data example is not tested"
)
pytest.importorskip(
    "ray.data", reason="ray.data cannot be imported (pip install 'ray[data]'): the ray.data example is not tested"
)


def test_map_batches_over_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    n = 200
    table = pa.table({
        "prompt": ["q%d" % (i // 4) for i in range(n)],
        "completion": ["<think>x</think> \\boxed{%d}" % (i % 4) for i in range(n)],
        "answer": ["0"] * n,
    })
    pq.write_table(table, tmp_path / "rollouts.parquet")
    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False)
    try:
        pipeline = rewardkit.Pipeline.from_file(EXAMPLE_SPEC)
        ds = ray.data.read_parquet(str(tmp_path / "rollouts.parquet"))
        scored = ds.map_batches(pipeline.score_batch, batch_format="numpy", batch_size=64)
        rows = scored.take_all()
    finally:
        ray.shutdown()
    assert len(rows) == n
    right = [r for r in rows if r["completion"].endswith("{0}")]
    assert right and all(abs(r["reward"] - 1.2) < 1e-9 for r in right)
    assert all(r["reward/accuracy"] in (0.0, 1.0) for r in rows)
