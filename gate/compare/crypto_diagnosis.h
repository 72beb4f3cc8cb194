#pragma once

#include <vector>

#include "gate/compare/comparison.h"
#include "gate/compare/policy.h"
#include "gate/profile/profile.h"
#include "patchcheck/matrix.h"

// Is crypto running natively in head where the zkVM has a precompile for it? Uses the
// crypto matrix shared with patchcheck (per operation: native_fallback_symbols,
// hot_even_when_patched; per zkVM: precompile_opcodes, precompile_symbols).
namespace zkgate::gate {

// Fills comparison.crypto and comparison.crypto_checked. Signals, per operation the zkVM
// accelerates:
//  - precompile-dropped: a precompile opcode used in base runs 0 times in head (or, where
//    head lists every function, no precompile symbol runs any more);
//  - native-symbol-hot: a function matching native_fallback_symbols is in head's top lists;
//  - a hot_even_when_patched function (e.g. tiny_keccak's Hasher::update, hot with a working
//    patch too) is flagged only when head shows no use of the precompile at all.
// Severity follows policy.crypto (warn -> warning, fail -> failure, off -> nothing checked);
// a documented exception in the matrix gives info.
void diagnose_crypto(Comparison& comparison, const Profile& base, const Profile& head,
                     const patchcheck::CryptoMatrix& matrix, RuleAction action);

}  // namespace zkgate::gate
