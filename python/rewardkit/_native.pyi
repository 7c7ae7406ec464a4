"""Type stubs of the compiled extension `rewardkit._native` (crates/rewardkit-py)."""

from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

__version__: str

class Verdict:
    """The verdict of one math verification: truthy when the answers are equal."""

    @property
    def outcome(self) -> str:
        """`equal`, `not_equal`, `no_gold_answer`, `no_pred_answer` or `budget_exceeded`."""
    @property
    def reason(self) -> str: ...
    @property
    def gold(self) -> Optional[str]: ...
    @property
    def pred(self) -> Optional[str]: ...
    @property
    def extraction(self) -> Optional[Dict[str, Any]]:
        """`{"rule", "start", "end", "text"}` (byte offsets into the UTF-8 prediction)."""
    @property
    def is_equal(self) -> bool: ...
    def __bool__(self) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def explain(self) -> str:
        """The numbered trace of the verification, then gold, pred, verdict and reason."""

def verify(gold: str, pred: str, **policy: Any) -> Verdict: ...

Output = Dict[str, Any]

class NativePipeline:
    @staticmethod
    def from_json(text: str) -> "NativePipeline": ...
    @staticmethod
    def from_toml(text: str) -> "NativePipeline": ...
    @staticmethod
    def from_file(path: str) -> "NativePipeline": ...
    @staticmethod
    def json_schema() -> str: ...
    @property
    def spec_json(self) -> str: ...
    @property
    def scope(self) -> str: ...
    @property
    def component_names(self) -> List[str]: ...
    @property
    def correctness(self) -> Optional[Tuple[str, Optional[str]]]: ...
    def score(self, samples: Iterable[Mapping[str, Any]]) -> List[Output]: ...
    def score_columns(
        self,
        completions: Sequence[Any],
        prompts: Optional[Sequence[Any]] = None,
        references: Optional[Sequence[Any]] = None,
        groups: Optional[Sequence[Any]] = None,
        ids: Optional[Sequence[Any]] = None,
        metadata: Optional[Sequence[Optional[Mapping[str, Any]]]] = None,
    ) -> List[Output]: ...
