"""The vectorised engine's own pieces: closed forms that replace costlier library calls, and
results that do not depend on how the work is cut up."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special

from planwatch.evaluate import engine, reference
from planwatch.evaluate.synthetic import synthetic_table


@pytest.mark.parametrize("nu", [*range(1, 25), 2.5, 250.0])
def test_student_cdf_equals_scipy(nu):
    x = np.concatenate([np.linspace(-80, 80, 4001), [0.0, 1e-300, np.inf, -np.inf, 1e300]])
    assert np.allclose(engine.student_cdf(np.full(x.shape, float(nu)), x),
                       special.stdtr(nu, x), rtol=0, atol=1e-14)


@settings(max_examples=200, deadline=None)
@given(p=st.floats(0.01, 0.99), mean=st.floats(0, 500))
def test_poisson_quantile_is_the_smallest_k_reaching_p(p, mean):
    [k] = engine.poisson_quantile(p, np.array([mean]))
    assert k == reference.poisson_quantile(p, mean)


def test_chunking_and_threads_do_not_change_results():
    table = synthetic_table(3000, seed=5)
    whole = engine.assess_table(table, 2020.0, chunk=1 << 15)
    cut = engine.assess_table(table, 2020.0, workers=2, chunk=97)
    assert reference.results_equal(whole, cut, tolerance=0.0) == []
