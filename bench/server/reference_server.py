"""The reward server users run today: FastAPI + uvicorn + Math-Verify, OpenRLHF contract.

POST /get_reward {"query", "prompts", "labels"} -> {"rewards", "scores", "extra_logs"}, scoring
each sample with the same rule as bench/server/pipeline.toml: Math-Verify correctness (gold
parsed with the default configs, as TRL's accuracy_reward) + 0.5 x TRL's think-format regex.
Like OpenRLHF's serve_rm.py, the handler is async and scores synchronously: one request at a
time per process. Run: python reference_server.py PORT
"""

import re
import sys

import uvicorn
from fastapi import FastAPI, Request
from math_verify import parse, verify

FORMAT = re.compile(r"^<think>(?!.*<think>)(.*?)</think>.*$", re.DOTALL)
app = FastAPI()


def score(prompt, query, label):
    response = query[len(prompt):] if prompt and query.startswith(prompt) else query
    try:
        gold = parse(label)
        pred = parse(response)
        correct = 1.0 if gold and pred and verify(gold, pred) else 0.0
    except Exception:  # what users do: any failure is a 0
        correct = 0.0
    fmt = 1.0 if FORMAT.match(response) else 0.0
    return correct, fmt


@app.post("/get_reward")
async def get_reward(request: Request):
    data = await request.json()
    queries = data.get("query", [])
    prompts = data.get("prompts") or [""] * len(queries)
    labels = data.get("labels") or [""] * len(queries)
    rewards, correct, fmt = [], [], []
    for q, p, l in zip(queries, prompts, labels):
        c, f = score(p, q, l)
        rewards.append(c + 0.5 * f)
        correct.append(c)
        fmt.append(f)
    return {"rewards": rewards, "scores": rewards,
            "extra_logs": {"correct": correct, "format": fmt}}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
