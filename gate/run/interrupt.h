#pragma once

#include <chrono>
#include <functional>
#include <stdexcept>
#include <thread>

// Ctrl-C and SIGTERM handling for `gate run`. The first signal only raises a flag: running
// commands notice it, kill their process group, and the run unwinds so that every RAII
// owner (temporary trees above all) cleans up; main then exits 2. Should unwinding hang,
// a watchdog runs the registered emergency cleanups and exits 2 after a grace period.
namespace zkgate::gate::run {

// Thrown where a step notices the interrupt; main turns it into exit 2.
class Interrupted : public std::runtime_error {
 public:
  explicit Interrupted(int signal_number);
  int signal_number() const { return signal_number_; }

 private:
  int signal_number_;
};

// Installs the SIGINT/SIGTERM handlers and the watchdog for its lifetime (one, in main).
class InterruptGuard {
 public:
  explicit InterruptGuard(std::chrono::milliseconds grace = std::chrono::seconds(10));
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  std::jthread watchdog_;
};

// True once SIGINT or SIGTERM arrived (or request_interrupt() was called).
bool interrupt_requested();
// The signal that asked to stop, 0 if none.
int interrupt_signal();
// Raises the flag as a signal would (tests; also the cancellation path for internal errors).
void request_interrupt(int signal_number);
// Clears the flag (tests only).
void reset_interrupt_for_testing();
// Throws Interrupted when the flag is up.
void throw_if_interrupted();

// Emergency cleanups the watchdog runs if the normal unwinding does not finish in time.
// Registration returns an id; the owner unregisters it when it has cleaned up itself.
int register_emergency_cleanup(std::function<void()> cleanup);
void unregister_emergency_cleanup(int id);
void run_emergency_cleanups();

}  // namespace zkgate::gate::run
