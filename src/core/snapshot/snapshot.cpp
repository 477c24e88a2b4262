// Snapshot format: a magic line, then every field of the model in
// declaration order (numbers as their bytes, strings and vectors with a
// 32-bit length). One `fields` function per struct serves both directions,
// so writing and reading cannot drift apart. The id indexes are rebuilt
// after reading (finish_definitions). Numbers are copied as raw bytes, so
// their sizes are checked at compile time and the byte order is in the magic.
#include "snapshot/snapshot.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "definitions/load_context.hpp"

namespace myoscreen::detail {
namespace {

// Change the number whenever a model struct gains, loses or reorders a
// field, or a scalar's width changes: a snapshot of another format is refused
// and the JSON parsed instead. "le"/"be" is the byte order the numbers were
// written in, so a snapshot made on a machine of the other order (a cross
// build) is refused too.
static_assert(std::endian::native == std::endian::little || std::endian::native == std::endian::big,
              "the snapshot writes numbers in the machine's byte order: mixed-endian machines are not supported");
constexpr std::string_view magic =
    std::endian::native == std::endian::little ? "myoscreen.snapshot/13 le\n" : "myoscreen.snapshot/13 be\n";

// The width in the snapshot of every scalar type copied as raw bytes. A type
// not listed does not compile: add it here (and bump the format) first.
template <class T>
constexpr std::size_t wire_size() {
    if constexpr (std::is_enum_v<T>) {
        static_assert(std::is_same_v<std::underlying_type_t<T>, std::uint8_t>, "enums in the snapshot are one byte");
        return 1;
    } else if constexpr (std::is_same_v<T, bool>) {
        return 1;  // the reader takes one byte and checks it is 0 or 1
    } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::uint32_t>) {
        return 4;  // std::int32_t is int here (checked below)
    } else if constexpr (std::is_same_v<T, std::uint64_t>) {
        return 8;
    } else if constexpr (std::is_same_v<T, double>) {
        static_assert(std::numeric_limits<double>::is_iec559, "doubles in the snapshot are IEEE 754 binary64");
        return 8;
    } else {
        static_assert(!sizeof(T), "a scalar type the snapshot format does not define");
        return 0;
    }
}
static_assert(std::is_same_v<std::int32_t, int>, "Instr::arg is written as an int");
// Instr is written field by field (fields(Instr) below); its size changes when
// a field is added, which must be added there too and the format bumped.
static_assert(sizeof(Instr) == 24, "Instr changed: update fields(Instr) and the snapshot format number");

template <class A> void fields(A& a, Instr& x) { a.all(x.op, x.arg, x.num, x.mask); }
template <class A> void fields(A& a, Program& x) { a.all(x.code, x.max_stack, x.logic, x.one_step, x.step); }
template <class A> void fields(A& a, Choice& x) { a.all(x.code, x.label, x.has_amount, x.low, x.high, x.low_open, x.high_open, x.words); }
template <class A> void fields(A& a, AnswerWords& x) { a.all(x.yes, x.no, x.approximately, x.ignored_after, x.number_words, x.number_values); }
template <class A> void fields(A& a, Section& x) { a.all(x.id, x.title); }
template <class A> void fields(A& a, Question& x) {
    a.all(x.id, x.section, x.type, x.unit, x.min, x.max, x.text, x.help, x.label, x.choices, x.exclusive, x.ask_if, x.ask_if_text,
          x.amounts, x.amount_unit, x.amount_whole, x.amount_words);
}
template <class A> void fields(A& a, Derived& x) { a.all(x.id, x.text, x.unit, x.is_bool, x.expr, x.expr_text, x.slot); }
template <class A> void fields(A& a, Item& x) {
    a.all(x.id, x.kind, x.question, x.points, x.when, x.criterion_points, x.case_when, x.case_points, x.min_points,
          x.max_points, x.slot);
}
template <class A> void fields(A& a, Band& x) { a.all(x.name, x.min, x.max, x.when); }
template <class A> void fields(A& a, Instrument& x) {
    a.all(x.id, x.name, x.source, x.description, x.code, x.items, x.bands, x.rule_bands, x.max_score, x.score_slot, x.band_slot);
}
template <class A> void fields(A& a, Coding& x) { a.all(x.system, x.code, x.display); }
template <class A> void fields(A& a, Advice& x) { a.all(x.text, x.source); }
template <class A> void fields(A& a, LevelWording& x) { a.all(x.heading, x.note); }
template <class A> void fields(A& a, Rule& x) { a.all(x.id, x.text, x.source, x.when, x.slot); }
template <class A> void fields(A& a, Factor& x) { a.all(x.id, x.title, x.source, x.rules, x.likely, x.possible, x.advice); }
template <class A> void fields(A& a, RedFlag& x) { a.all(x.id, x.text, x.action, x.source, x.urgency, x.when); }
template <class A> void fields(A& a, CheckAlternative& x) { a.all(x.question, x.unit, x.when); }
template <class A> void fields(A& a, Check& x) { a.all(x.id, x.message, x.source, x.when, x.confirm, x.alternative); }
template <class A> void fields(A& a, Reference& x) { a.all(x.id, x.citation); }
template <class A> void fields(A& a, CohortGrouping& x) {
    a.all(x.id, x.title, x.group_word, x.question, x.by_choice, x.below, x.labels, x.not_answered);
}
template <class A> void fields(A& a, Step& x) { a.all(x.kind, x.index); }
template <class A> void fields(A& a, Definitions& x) {
    a.all(x.name, x.version, x.url, x.language, x.disclaimer, x.words, x.general_advice, x.levels, x.sections, x.questions, x.derived,
          x.instruments, x.factors, x.red_flags, x.checks, x.references, x.cohort, x.order, x.slot_count, x.stack_size);
}

template <class T>
constexpr bool is_scalar = std::is_arithmetic_v<T> || std::is_enum_v<T>;

class Writer {
public:
    std::string out;

    template <class... T> void all(T&... v) { (item(v), ...); }

private:
    template <class T> void item(T& v) {
        if constexpr (is_scalar<T>) {
            static_assert(sizeof v == wire_size<T>());
            out.append(reinterpret_cast<const char*>(&v), sizeof v);
        } else {
            fields(*this, v);
        }
    }
    void item(std::string& s) {
        length(s.size());
        out += s;
    }
    template <class T> void item(std::vector<T>& v) {
        length(v.size());
        for (auto& x : v) item(x);
    }
    void length(std::size_t n) {
        auto n32 = static_cast<std::uint32_t>(n);
        item(n32);
    }
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool ok() const { return ok_; }
    bool at_end() const { return in_.empty(); }

    template <class... T> void all(T&... v) { (item(v), ...); }

private:
    std::string_view in_;
    bool ok_ = true;

    bool take(void* p, std::size_t n) {
        if (!ok_ || in_.size() < n) return ok_ = false;
        std::memcpy(p, in_.data(), n);
        in_.remove_prefix(n);
        return true;
    }
    template <class T> void item(T& v) {
        if constexpr (std::is_same_v<T, bool>) {
            unsigned char b = 0;
            take(&b, 1);
            ok_ = ok_ && b <= 1;
            v = b != 0;
        } else if constexpr (is_scalar<T>) {
            static_assert(sizeof v == wire_size<T>());
            take(&v, sizeof v);
        } else {
            fields(*this, v);
        }
    }
    void item(std::string& s) {
        const std::size_t n = length();
        if (!ok_ || in_.size() < n) return void(ok_ = false);
        s.assign(in_.data(), n);
        in_.remove_prefix(n);
    }
    template <class T> void item(std::vector<T>& v) {
        const std::size_t n = length();
        if (!ok_ || n > in_.size()) return void(ok_ = false);  // every element takes a byte or more
        v.resize(n);
        for (auto& x : v) item(x);
    }
    std::size_t length() {
        std::uint32_t n = 0;
        take(&n, sizeof n);
        return n;
    }
};

}  // namespace

std::string write_snapshot(const Definitions& defs) {
    Writer w;
    w.out = magic;
    w.all(const_cast<Definitions&>(defs));  // the writer only reads
    return std::move(w.out);
}

std::optional<Definitions> read_snapshot(std::string_view bytes) {
    if (bytes.substr(0, magic.size()) != magic) return std::nullopt;
    Reader r(bytes.substr(magic.size()));
    Definitions defs;
    r.all(defs);
    if (!r.ok() || !r.at_end()) return std::nullopt;
    finish_definitions(defs);
    return defs;
}

}  // namespace myoscreen::detail
