// Three-valued values with the unanswered questions they hinge on.
#pragma once

#include <array>
#include <bit>
#include <cstdint>

namespace myoscreen {

// The most questions a definitions file may have: one bit each in a DepSet.
inline constexpr int max_questions = 256;

// A set of question indices: which unanswered questions an unknown value
// depends on. Answering any of them could decide it ("would_decide").
class DepSet {
public:
    void add(int q) noexcept { w_[q >> 6] |= std::uint64_t{1} << (q & 63); }
    bool contains(int q) const noexcept { return (w_[q >> 6] >> (q & 63)) & 1U; }
    DepSet& operator|=(const DepSet& o) noexcept {
        for (int i = 0; i < words; ++i) w_[i] |= o.w_[i];
        return *this;
    }
    bool empty() const noexcept {
        for (auto w : w_)
            if (w) return false;
        return true;
    }
    // Calls f(q) for each member in increasing order (= catalogue order).
    template <class F>
    void for_each(F&& f) const {
        for (int i = 0; i < words; ++i)
            for (std::uint64_t w = w_[i]; w; w &= w - 1) f(i * 64 + std::countr_zero(w));
    }

private:
    static constexpr int words = max_questions / 64;
    std::array<std::uint64_t, words> w_{};
};

// absent: the question does not apply (its ask_if is false); every test on it
//         is false and arithmetic on it is absent.
// unknown: it applies but was not answered (or depends on such a question).
// known: a value: a number, a boolean (0/1), a choice index, or a set of
//        choice indices (bit i = choice i).
enum class State : std::uint8_t { absent, unknown, known };

// `deps` holds the unanswered questions whose answers could change the value:
// for an unknown value, those that could decide it; for a known or absent
// one, those that could still overturn it (empty when it is firm). A known
// value can be overturned by answering a question only through answered()
// of an unknown value, or through an answer given while its ask_if is
// unknown (answering the ask_if could make it absent). `soft` says a known
// or absent value has deps, so the fast evaluator sees it in one byte.
struct Value {
    State state = State::unknown;
    bool soft = false;        // not unknown, yet deps is not empty
    double num = 0;           // number, bool (0/1) or choice/band index
    // multi_choice selections; for an unknown band, the bands the score can
    // still reach (bit b: band b; 0: not known), so that `band == 'x'` is
    // false once x is out of reach, however the missing items are answered.
    std::uint64_t set = 0;
    DepSet deps;

    static Value absent() { return Value{State::absent, false, 0, 0, {}}; }
    static Value unknown(const DepSet& d) { return Value{State::unknown, false, 0, 0, d}; }
    static Value number(double x) { return Value{State::known, false, x, 0, {}}; }
    static Value boolean(bool b) { return Value{State::known, false, b ? 1.0 : 0.0, 0, {}}; }
    static Value code(int i) { return Value{State::known, false, static_cast<double>(i), 0, {}}; }
    static Value selection(std::uint64_t s) { return Value{State::known, false, 0, s, {}}; }

    bool known() const noexcept { return state == State::known; }
    bool is_true() const noexcept { return state == State::known && num != 0; }
    // In logic, an absent condition is simply false (docs/definitions-format.md, "Unknown and absent").
    bool is_false() const noexcept { return state == State::absent || (state == State::known && num == 0); }
    // Known or absent, and no unanswered question can change it.
    bool firm() const noexcept { return state != State::unknown && !soft; }

    // Adds questions that could change the value (keeps `soft` in step).
    Value& add_deps(const DepSet& d) noexcept {
        deps |= d;
        soft = state != State::unknown && !deps.empty();
        return *this;
    }
};

}  // namespace myoscreen
