#define BOOST_TEST_MODULE zkgate gate run
#include <boost/test/unit_test.hpp>

// Read by the sanitizers when the suite runs under ASan (CI's second pass).
// libgit2 1.5's git_merge_base leaks its 64-byte commit list when a shallow clone ends the
// walk at a parent it never fetched: the error path the shallow-clone test exercises on
// purpose, nothing of ours. libgit2 has no frame pointers, so the suppression can only
// see git_merge_base on the stack with the slow unwinder.
extern "C" const char* __asan_default_options() { return "fast_unwind_on_malloc=0"; }
extern "C" const char* __lsan_default_suppressions() { return "leak:git_merge_base\n"; }
