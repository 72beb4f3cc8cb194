#include "gate/compare/function_deltas.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>
#include <string>

namespace zkgate::gate {
namespace {

enum class RankMetric { steps, cost };

const std::optional<std::uint64_t>& figure(const FunctionStat& function, RankMetric metric) {
  return metric == RankMetric::steps ? function.steps : function.cost;
}

// One side's ranking by one metric. depth: how far down the list goes (nullopt = the
// profile lists every function), 0 = no such list.
struct Ranking {
  std::map<std::string, unsigned> rank;
  std::optional<unsigned> depth = 0u;
};

Ranking rank_by(const Profile& profile, RankMetric metric) {
  Ranking ranking;
  if (!profile.functions_known) return ranking;
  for (const FunctionStat& function : profile.functions) {
    const std::optional<unsigned>& printed =
        metric == RankMetric::steps ? function.rank_by_steps : function.rank_by_cost;
    if (printed) ranking.rank.emplace(function.name, *printed);
  }
  if (ranking.rank.empty()) {
    // No printed ranks (spans, callgrind): rank by the figure itself.
    std::vector<const FunctionStat*> listed;
    for (const FunctionStat& function : profile.functions) {
      if (figure(function, metric)) listed.push_back(&function);
    }
    std::stable_sort(listed.begin(), listed.end(), [metric](const FunctionStat* a, const FunctionStat* b) {
      return *figure(*a, metric) > *figure(*b, metric);
    });
    for (std::size_t i = 0; i < listed.size(); ++i) {
      ranking.rank.emplace(listed[i]->name, static_cast<unsigned>(i + 1));
    }
  }
  const std::optional<unsigned>& top_n = metric == RankMetric::steps ? profile.top_n_by_steps : profile.top_n_by_cost;
  if (profile.functions_complete) {
    ranking.depth = std::nullopt;
  } else if (top_n) {
    ranking.depth = *top_n;
  } else {
    ranking.depth = static_cast<unsigned>(ranking.rank.size());
  }
  if (ranking.rank.empty() && !profile.functions_complete) ranking.depth = 0u;
  return ranking;
}

// The depth both rankings cover, capped at `top`; 0 when either has no list.
unsigned common_depth(const Ranking& base, const Ranking& head, unsigned top) {
  unsigned depth = top;
  for (const Ranking* ranking : {&base, &head}) {
    if (ranking->depth) depth = std::min(depth, *ranking->depth);
  }
  return depth;
}

bool ranked_within(const Ranking& ranking, const std::string& name, unsigned depth) {
  const std::map<std::string, unsigned>::const_iterator found = ranking.rank.find(name);
  return found != ranking.rank.end() && found->second <= depth;
}

std::optional<unsigned> best_rank(const Ranking& by_steps, const Ranking& by_cost, const std::string& name) {
  std::optional<unsigned> best;
  for (const Ranking* ranking : {&by_steps, &by_cost}) {
    const std::map<std::string, unsigned>::const_iterator found = ranking->rank.find(name);
    if (found != ranking->rank.end() && (!best || found->second < *best)) best = found->second;
  }
  return best;
}

// A side's figure for one function: listed with it, or 0 when the side lists every
// function and this one is absent; otherwise unknown ("not ranked").
std::optional<std::uint64_t> side_value(const Profile& profile, const FunctionStat* function,
                                        const std::optional<std::uint64_t> FunctionStat::*member) {
  if (function != nullptr) return function->*member;
  if (profile.functions_known && profile.functions_complete) return 0;
  return std::nullopt;
}

std::map<std::string, const FunctionStat*> index_by_name(const Profile& profile) {
  std::map<std::string, const FunctionStat*> index;
  if (!profile.functions_known) return index;
  for (const FunctionStat& function : profile.functions) index.emplace(function.name, &function);  // first wins
  return index;
}

std::uint64_t magnitude(std::optional<std::int64_t> change) {
  if (!change) return 0;
  return *change < 0 ? static_cast<std::uint64_t>(-(*change + 1)) + 1 : static_cast<std::uint64_t>(*change);
}

bool larger_change_first(const FunctionDelta& a, const FunctionDelta& b) {
  const int group_a = a.steps.known() ? 0 : a.cost.known() ? 1 : 2;
  const int group_b = b.steps.known() ? 0 : b.cost.known() ? 1 : 2;
  if (group_a != group_b) return group_a < group_b;
  if (group_a < 2) {
    const Delta& da = group_a == 0 ? a.steps : a.cost;
    const Delta& db = group_b == 0 ? b.steps : b.cost;
    if (magnitude(da.change()) != magnitude(db.change())) return magnitude(da.change()) > magnitude(db.change());
  } else {
    const unsigned rank_a = std::min(a.base_rank.value_or(~0u), a.head_rank.value_or(~0u));
    const unsigned rank_b = std::min(b.base_rank.value_or(~0u), b.head_rank.value_or(~0u));
    if (rank_a != rank_b) return rank_a < rank_b;
  }
  return a.name < b.name;
}

}  // namespace

FunctionMatch match_functions(const Profile& base, const Profile& head, unsigned top) {
  FunctionMatch match;
  const std::map<std::string, const FunctionStat*> base_index = index_by_name(base);
  const std::map<std::string, const FunctionStat*> head_index = index_by_name(head);
  const Ranking base_steps = rank_by(base, RankMetric::steps);
  const Ranking head_steps = rank_by(head, RankMetric::steps);
  const Ranking base_cost = rank_by(base, RankMetric::cost);
  const Ranking head_cost = rank_by(head, RankMetric::cost);
  const unsigned steps_depth = common_depth(base_steps, head_steps, top);
  const unsigned cost_depth = common_depth(base_cost, head_cost, top);
  if (steps_depth > 0) {
    match.compared_top_n = steps_depth;
  } else if (cost_depth > 0) {
    match.compared_top_n = cost_depth;
  }

  std::set<std::string> names;
  for (const std::pair<const std::string, const FunctionStat*>& entry : base_index) names.insert(entry.first);
  for (const std::pair<const std::string, const FunctionStat*>& entry : head_index) names.insert(entry.first);

  for (const std::string& name : names) {
    const std::map<std::string, const FunctionStat*>::const_iterator in_base = base_index.find(name);
    const std::map<std::string, const FunctionStat*>::const_iterator in_head = head_index.find(name);
    const FunctionStat* base_fn = in_base == base_index.end() ? nullptr : in_base->second;
    const FunctionStat* head_fn = in_head == head_index.end() ? nullptr : in_head->second;
    FunctionDelta delta;
    delta.name = name;
    delta.steps = {side_value(base, base_fn, &FunctionStat::steps), side_value(head, head_fn, &FunctionStat::steps)};
    delta.cost = {side_value(base, base_fn, &FunctionStat::cost), side_value(head, head_fn, &FunctionStat::cost)};
    delta.calls = {side_value(base, base_fn, &FunctionStat::calls), side_value(head, head_fn, &FunctionStat::calls)};
    delta.base_rank = best_rank(base_steps, base_cost, name);
    delta.head_rank = best_rank(head_steps, head_cost, name);
    for (const auto& [base_ranking, head_ranking, depth] :
         {std::tuple<const Ranking&, const Ranking&, unsigned>{base_steps, head_steps, steps_depth},
          std::tuple<const Ranking&, const Ranking&, unsigned>{base_cost, head_cost, cost_depth}}) {
      if (depth == 0) continue;
      const bool in_base_top = ranked_within(base_ranking, name, depth);
      const bool in_head_top = ranked_within(head_ranking, name, depth);
      if (in_head_top && !in_base_top) delta.entered_top = true;
      if (in_base_top && !in_head_top) delta.left_top = true;
    }
    match.deltas.push_back(std::move(delta));
  }
  std::sort(match.deltas.begin(), match.deltas.end(), larger_change_first);
  return match;
}

}  // namespace zkgate::gate
