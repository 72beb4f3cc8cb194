#include "gate/run/interrupt.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <utility>

#include <fmt/format.h>

#include "util/exit_codes.h"

namespace zkgate::gate::run {

namespace {

// Written from the signal handler: lock-free atomics only.
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_stop_signal(int signal_number) {
  int expected = 0;
  g_signal.compare_exchange_strong(expected, signal_number);
}

std::mutex g_cleanup_mutex;
std::map<int, std::function<void()>> g_cleanups;
int g_next_cleanup_id = 1;

struct sigaction g_previous_int;
struct sigaction g_previous_term;

}  // namespace

Interrupted::Interrupted(int signal_number)
    : std::runtime_error(fmt::format("interrupted by {}", signal_number == SIGTERM ? "SIGTERM" : "SIGINT")),
      signal_number_(signal_number) {}

InterruptGuard::InterruptGuard(std::chrono::milliseconds grace) {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
  watchdog_ = std::jthread([grace](std::stop_token stop) {
    while (!stop.stop_requested() && g_signal.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (stop.stop_requested()) return;
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (!stop.stop_requested() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (stop.stop_requested()) return;
    run_emergency_cleanups();
    std::fputs("gate: error: interrupted; did not stop in time, temporary trees removed\n", stderr);
    std::_Exit(util::kExitError);
  });
}

InterruptGuard::~InterruptGuard() {
  watchdog_.request_stop();
  if (watchdog_.joinable()) watchdog_.join();
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
}

bool interrupt_requested() { return g_signal.load() != 0; }

int interrupt_signal() { return g_signal.load(); }

void request_interrupt(int signal_number) { on_stop_signal(signal_number); }

void reset_interrupt_for_testing() { g_signal.store(0); }

void throw_if_interrupted() {
  const int signal_number = g_signal.load();
  if (signal_number != 0) throw Interrupted(signal_number);
}

int register_emergency_cleanup(std::function<void()> cleanup) {
  std::lock_guard<std::mutex> lock(g_cleanup_mutex);
  const int id = g_next_cleanup_id++;
  g_cleanups.emplace(id, std::move(cleanup));
  return id;
}

void unregister_emergency_cleanup(int id) {
  std::lock_guard<std::mutex> lock(g_cleanup_mutex);
  g_cleanups.erase(id);
}

void run_emergency_cleanups() {
  std::map<int, std::function<void()>> cleanups;
  {
    std::lock_guard<std::mutex> lock(g_cleanup_mutex);
    cleanups.swap(g_cleanups);
  }
  for (const std::pair<const int, std::function<void()>>& entry : cleanups) entry.second();
}

}  // namespace zkgate::gate::run
