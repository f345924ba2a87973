"""The measure of round 11 (bench/headline_choice.py): the candidate pool the oracle chooses from holds
the generator's own choice, and the ranker it cross-validates learns what the figures it is fed reward."""

from __future__ import annotations

import random

import numpy as np
import pytest

from bench.headline_choice import candidate_pool, chosen_rouge, cross_validated, fit_ranker
from digest.headline import nth_sentence
from digest.headline_candidates import finish
from digest.headline_rewrite import BUDGET, best_candidate


@pytest.mark.parametrize("lede", [
    # real dev ledes: the chosen headline is one of several the generator made
    "L'explosion d'un courrier piégé au siège parisien du Fonds monétaire international (FMI) a fait un blessé.",
    "De nombreux hommages ont été rendus dimanche 22 janvier à l'abbé Pierre, de son vrai nom Henri Grouès, à "
    "l'occasion des dix ans de son décès.",
])
def test_the_pool_holds_the_choice_and_others(derive, lede):
    [tokens] = derive.parser.parse([nth_sentence(lede, 0)])
    pool = {finish(candidate.text) for _, candidate in candidate_pool(tokens)}
    chosen = best_candidate(tokens, BUDGET, 100)
    assert chosen is not None and chosen.text in pool
    assert len(pool) > 1, pool


def groups(count: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Dispatches of three candidates whose ROUGE-L falls with their first feature (their length, say)."""
    draw = random.Random(seed)
    made = []
    for _ in range(count):
        matrix = np.array([[draw.uniform(2, 9), draw.uniform(0, 1), 0.0] for _ in range(3)])
        made.append((matrix, 1 - matrix[:, 0] / 10 + np.array([draw.gauss(0, 0.01) for _ in range(3)])))
    return made


def test_the_ranker_learns_what_the_figures_reward():
    weights = fit_ranker(groups(200, 1), penalty=1.0)
    fresh = groups(50, 2)
    assert chosen_rouge(fresh, weights) == [rouges.max() for _, rouges in fresh]
    assert cross_validated(groups(200, 3), folds=5, penalty=1.0) > np.mean([rouges.mean() for _, rouges in groups(200, 3)])
