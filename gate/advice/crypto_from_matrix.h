#pragma once

#include "gate/advice/crypto_knowledge.h"
#include "patchcheck/matrix.h"

// The crypto rule reads patchcheck's crypto matrix, the same source gate compare's crypto
// diagnosis reads, so the two never disagree on which symbols mean "native crypto".
namespace zkgate::gate::advice {

// An operation counts as accelerated on a zkVM where patchcheck::has_accelerated_path says
// so, except a documented exception: the team chose to run it natively, so it is no advice.
CryptoKnowledge crypto_knowledge_from_matrix(const patchcheck::CryptoMatrix& matrix);

// The matrix patchcheck embeds, converted once.
const CryptoKnowledge& default_crypto_knowledge();

}  // namespace zkgate::gate::advice
