#include <boost/test/unit_test.hpp>

#include <thread>
#include <vector>

#include "gate/run/base_cache.h"
#include "scratch_repo.h"

namespace fs = std::filesystem;
using zkgate::gate::run::BaseCache;
using zkgate::gate::run::CachedProfile;
using zkgate::gate::run::CacheKey;
using zkgate::gate::run::CacheLookup;

namespace {

CacheKey key(const std::string& commit = "abc") { return {commit, "fib", "cfg", "none", "0.1.0"}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(base_cache)

BOOST_FIXTURE_TEST_CASE(round_trip_and_miss, zkgate::test::TempDir) {
  const BaseCache cache(path / "cache");
  BOOST_TEST(!cache.load(key()).hit.has_value());
  BOOST_TEST(cache.load(key()).problem.empty());
  cache.store(key(), {"callgrind", "events: Ir\nsummary: 42\n"});
  const CacheLookup found = cache.load(key());
  BOOST_TEST(found.hit.value().format == "callgrind");
  BOOST_TEST(found.hit.value().content == "events: Ir\nsummary: 42\n");
  BOOST_TEST(!cache.load(key("other")).hit.has_value());
  CacheKey other_version = key();
  other_version.zkgate_version = "0.2.0";
  BOOST_TEST(other_version.id() != key().id());
  BOOST_TEST(!cache.load(other_version).hit.has_value());
}

BOOST_FIXTURE_TEST_CASE(corrupt_entries_are_detected_removed_and_missed, zkgate::test::TempDir) {
  const BaseCache cache(path / "cache");
  const std::vector<std::string> corruptions = {"", "garbage", "{\"schema\":1}\npayload"};
  for (const std::string& bad : corruptions) {
    zkgate::test::write_text(cache.entry_path(key()), bad);
    const CacheLookup lookup = cache.load(key());
    BOOST_TEST(!lookup.hit.has_value());
    BOOST_TEST(lookup.problem.find("corrupt cache entry") != std::string::npos, lookup.problem);
    BOOST_TEST(!fs::exists(cache.entry_path(key())));
  }
  // Truncated payload and a flipped byte: the header's size and digest catch them.
  cache.store(key(), {"callgrind", "summary: 42\n"});
  std::string text = zkgate::test::read_text(cache.entry_path(key()));
  zkgate::test::write_text(cache.entry_path(key()), text.substr(0, text.size() - 2));
  BOOST_TEST(cache.load(key()).problem.find("payload size") != std::string::npos);
  cache.store(key(), {"callgrind", "summary: 42\n"});
  text = zkgate::test::read_text(cache.entry_path(key()));
  text[text.size() - 3] = '3';
  zkgate::test::write_text(cache.entry_path(key()), text);
  BOOST_TEST(cache.load(key()).problem.find("digest") != std::string::npos);
  // An entry copied under another key's name is not taken for it.
  cache.store(key("one"), {"callgrind", "summary: 1\n"});
  fs::copy_file(cache.entry_path(key("one")), cache.entry_path(key("two")));
  BOOST_TEST(cache.load(key("two")).problem.find("another key") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(concurrent_writers_leave_a_whole_entry, zkgate::test::TempDir) {
  const BaseCache cache(path / "cache");
  const std::string big(200000, 'z');
  std::vector<std::thread> writers;
  for (int i = 0; i < 4; ++i) {
    writers.emplace_back([&cache, &big] {
      for (int n = 0; n < 20; ++n) cache.store(key(), {"auto", big});
    });
  }
  bool all_whole = true;
  for (int n = 0; n < 50; ++n) {
    const CacheLookup lookup = cache.load(key());
    if (!lookup.problem.empty()) all_whole = false;
  }
  for (std::thread& writer : writers) writer.join();
  BOOST_TEST(all_whole);
  BOOST_TEST(cache.load(key()).hit.value().content == big);
  std::size_t files = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(path / "cache")) {
    (void)entry;
    ++files;
  }
  BOOST_TEST(files == 1u);  // no temp files left behind
}

BOOST_AUTO_TEST_CASE(default_dir_follows_xdg) {
  const char* old_xdg = std::getenv("XDG_CACHE_HOME");
  const std::string saved = old_xdg == nullptr ? "" : old_xdg;
  ::setenv("XDG_CACHE_HOME", "/tmp/xdg-test", 1);
  BOOST_TEST(zkgate::gate::run::default_cache_dir() == fs::path("/tmp/xdg-test/zkgate"));
  ::setenv("XDG_CACHE_HOME", "relative", 1);  // the spec says relative values are ignored
  BOOST_TEST(zkgate::gate::run::default_cache_dir().string().find("/.cache/zkgate") != std::string::npos);
  if (old_xdg == nullptr) {
    ::unsetenv("XDG_CACHE_HOME");
  } else {
    ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
  }
}

BOOST_AUTO_TEST_SUITE_END()
