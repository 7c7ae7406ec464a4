"""A preference model fitted by `rewardkit prefs fit` is the reward function `learned` of a
rewardkit.Pipeline (the extension installs the model loader when it is imported)."""

import json
import subprocess

import pytest

import rewardkit
from conftest import ROOT, _binary

FIXTURE = ROOT / "crates" / "rewardkit-prefs" / "tests" / "data"
GOOD = "Sure, here is a step-by-step answer. I hope this helps!"
BAD = "Figure it out yourself. Whatever."


@pytest.fixture
def model_dir(tmp_path):
    binary = _binary()
    if not binary:
        pytest.skip("the rewardkit binary is not built (cargo build --release); set REWARDKIT_BIN")
    out = tmp_path / "rm"
    subprocess.run([binary, "-q", "prefs", "fit", "--data", str(FIXTURE / "pairs.jsonl"),
                    "--out", str(out), "--hash-dim", "4096", "--model", "ensemble",
                    "--members", "2"], check=True, capture_output=True)
    return out


def test_learned_reward_in_a_pipeline(model_dir, tmp_path):
    p = rewardkit.Pipeline.from_dict({"type": "learned", "model": str(model_dir),
                                      "statistic": "min"})
    out = p.score([{"prompt": "q", "completion": GOOD}, {"prompt": "q", "completion": BAD}])
    assert out[0]["value"] > out[1]["value"] + 1.0
    # The same numbers as the command line's `prefs score` (min over the members).
    pairs = tmp_path / "pair.jsonl"
    pairs.write_text(json.dumps({"prompt": "q", "chosen": GOOD, "rejected": BAD}) + "\n")
    row = json.loads(subprocess.run(
        [_binary(), "prefs", "score", "--statistic", "min", "--model", str(model_dir),
         "--data", str(pairs)], check=True, capture_output=True, text=True).stdout)
    assert out[0]["value"] == pytest.approx(row["reward_chosen"], abs=1e-12)
    assert out[1]["value"] == pytest.approx(row["reward_rejected"], abs=1e-12)


def test_learned_spec_errors_name_the_field(tmp_path):
    with pytest.raises(rewardkit.SpecError) as e:
        rewardkit.Pipeline.from_dict({"type": "learned", "model": str(tmp_path / "none")})
    assert "reward.model" in str(e.value)
