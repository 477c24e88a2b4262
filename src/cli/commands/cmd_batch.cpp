// `batch`: screen CSV, JSON Lines or FHIR NDJSON records, one result line per record, in
// input order, whatever --jobs.
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>
#include <oneapi/tbb/global_control.h>

#include "batch/batch_pipeline.hpp"
#include "commands/commands.hpp"
#include "exit_codes.hpp"
#include "io/io.hpp"
#include "myoscreen/answers_document.hpp"
#include "myoscreen/render.hpp"
#include "io/report_output.hpp"
#include "dialogue/saved_session.hpp"
#include "terminal/terminal.hpp"

namespace myoscreen::cli {
namespace {

struct Source {
    std::string name;
    int fd = -1;
    std::uint64_t size = 0;  // regular files only, for the progress bar
    std::unique_ptr<RecordReader> reader;
    InputFormat format = InputFormat::jsonl;
    CsvLayout layout;
    ~Source() {
        if (fd > STDIN_FILENO) ::close(fd);
    }
};

// A column name or key as it may be shown: control bytes and invalid UTF-8
// become '?', and long names are cut.
std::string printable(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size() && out.size() < 64; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        out += (c < 0x20 || c == 0x7F || c >= 0x80) ? '?' : static_cast<char>(c);
    }
    return out;
}

std::optional<InputFormat> format_from_name(const std::string& path) {
    auto ends = [&](std::string_view s) { return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0; };
    if (ends(".csv") || ends(".CSV")) return InputFormat::csv;
    if (ends(".jsonl") || ends(".ndjson") || ends(".json") || ends(".JSONL")) return InputFormat::jsonl;
    return std::nullopt;
}

// What the first record of JSON Lines is, from what the reader has read
// ahead (its start, if it is longer than that).
DocumentKind first_record_kind(RecordReader& reader) {
    if (reader.peek() != '{') return DocumentKind::answers;
    std::string_view text = reader.buffered();
    text.remove_prefix(text.find('{'));
    return document_kind(text.substr(0, text.find('\n')));
}

// Opens every input before anything is written, so a missing file (66) or a
// misspelt CSV header (65) stops the batch before its first record.
std::vector<std::unique_ptr<Source>> open_sources(const Definitions& d, const BatchArgs& a) {
    std::vector<std::unique_ptr<Source>> out;
    const std::vector<std::string> files = a.files.empty() ? std::vector<std::string>{"-"} : a.files;
    for (const auto& f : files) {
        auto s = std::make_unique<Source>();
        s->name = document_name(f);
        s->fd = f == "-" ? STDIN_FILENO : ::open(f.c_str(), O_RDONLY | O_CLOEXEC);
        if (s->fd < 0) {
            const int err = errno;
            throw Failure(err == ENOENT ? exit_no_input : exit_io, fmt::format("cannot open '{}': {}", f, std::strerror(err)));
        }
        struct stat st {};
        if (::fstat(s->fd, &st) == 0) {
            if (S_ISDIR(st.st_mode)) throw Failure(exit_no_input, fmt::format("cannot read '{}': it is a directory", f));
            if (S_ISREG(st.st_mode)) s->size = static_cast<std::uint64_t>(st.st_size);
        }
        s->reader = std::make_unique<RecordReader>(s->fd, s->name, InputFormat::jsonl, a.max_record_bytes);
        out.push_back(std::move(s));
    }
    for (auto& s : out) {
        auto fmt_ = a.input == "csv" || a.input == "redcap" ? std::optional(InputFormat::csv)
                    : a.input == "jsonl"                    ? std::optional(InputFormat::jsonl)
                    : a.input == "fhir"                     ? std::optional(InputFormat::fhir)
                                                            : format_from_name(s->name);
        // Unnamed input: JSON Lines start with '{', anything else is CSV.
        if (!fmt_) fmt_ = s->reader->peek() == '{' ? InputFormat::jsonl : InputFormat::csv;
        // JSON Lines without --input: the first record says whether they are
        // FHIR resources (NDJSON of QuestionnaireResponses), told by the
        // rules screen --answers follows.
        if (*fmt_ == InputFormat::jsonl && a.input.empty() && first_record_kind(*s->reader) == DocumentKind::fhir_response)
            fmt_ = InputFormat::fhir;
        s->format = *fmt_;
        s->reader->set_format(s->format);
        if (s->format != InputFormat::csv) continue;
        RecordReader::Record header;
        std::vector<std::string> names;
        if (!s->reader->next(header)) continue;  // empty file: no records
        if (header.too_long)
            throw Failure(exit_data, fmt::format("{}: the CSV header is longer than --max-record-bytes ({} bytes)", s->name, a.max_record_bytes));
        if (std::string why; !split_csv_record(header.text, names, &why))
            throw Failure(exit_data, fmt::format("{}: the CSV header cannot be read: {}", s->name, why));
        std::vector<AnswerError> errs;
        s->layout = a.input == "redcap" ? map_redcap_header(d, names, errs) : map_csv_header(d, names, a.id_column, errs);
        for (const auto& e : errs)
            warn(e.field.empty() ? fmt::format("{}: header: {}", s->name, e.reason)
                                 : fmt::format("{}: header: '{}': {}", s->name, printable(e.field), e.reason));
        if (!errs.empty()) throw Failure(exit_data, fmt::format("{}: the CSV header has {} problem{}; no record was screened", s->name,
                                                                errs.size(), errs.size() == 1 ? "" : "s"));
        if (!s->layout.ignored.empty()) {
            std::string list;
            for (const auto& n : s->layout.ignored) list += (list.empty() ? "" : ", ") + printable(n);
            warn(fmt::format("{}: ignoring columns that are not questions: {}", s->name, list));
        }
        if (!s->layout.unnamed.empty()) {
            std::string list;
            for (int c : s->layout.unnamed) list += fmt::format("{}{}", list.empty() ? "" : ", ", c);
            const bool one = s->layout.unnamed.size() == 1;
            warn(fmt::format("{}: column{} {} {} no name; ignored", s->name, one ? "" : "s", list, one ? "has" : "have"));
        }
    }
    return out;
}

class Progress {
public:
    explicit Progress(std::uint64_t total) : total_(total), start_(clock::now()), last_(start_) {}
    void update(std::uint64_t bytes_in_file, std::uint64_t records) {
        const auto now = clock::now();
        if (now - last_ < std::chrono::milliseconds(200)) return;
        last_ = now;
        const double secs = std::chrono::duration<double>(now - start_).count();
        const std::uint64_t done = base_ + bytes_in_file;
        std::string line = fmt::format("{}  {} records  {:.0f}/s", ansi::clear_line, records, secs > 0 ? static_cast<double>(records) / secs : 0.0);
        if (total_ > 0 && done > 0 && done <= total_) {
            const double frac = static_cast<double>(done) / static_cast<double>(total_);
            const int eta = static_cast<int>(secs / frac - secs);
            const int cells = static_cast<int>(frac * 20);
            line += fmt::format("  [{}{}] {:3.0f}%  ETA {}:{:02}", std::string(static_cast<std::size_t>(cells), '#'),
                                std::string(static_cast<std::size_t>(20 - cells), '.'), frac * 100, eta / 60, eta % 60);
        }
        write_err(line);
        shown_ = true;
    }
    void next_file(std::uint64_t size) { base_ += size; }
    void clear() {
        if (shown_) write_err(ansi::clear_line);
    }

private:
    using clock = std::chrono::steady_clock;
    std::uint64_t total_, base_ = 0;
    clock::time_point start_, last_;
    bool shown_ = false;
};

}  // namespace

int cmd_batch(const BatchArgs& a) {
    if (!a.report.empty() && format_of_file(a.report) != std::optional<std::string>("html"))
        throw Failure(exit_usage, fmt::format("--report {}: the cohort report is HTML: name it FILE.html", a.report));
    const Definitions d = load_rules(a.rules);
    auto sources = open_sources(d, a);

    BatchConfig cfg;
    cfg.output = a.format == "csv"    ? OutputFormat::csv
                 : a.format == "json" ? OutputFormat::json
                 : a.format == "fhir" ? OutputFormat::fhir
                                      : OutputFormat::jsonl;
    cfg.jobs = a.jobs > 0 ? a.jobs : std::max(1U, std::thread::hardware_concurrency());
    cfg.id_key = a.id_column;
    cfg.max_errors = a.max_errors;
    cfg.explain = a.explain;
    cfg.include_answers = a.include_answers;
    if (a.include_answers && cfg.output == OutputFormat::csv)
        throw Failure(exit_usage, "--include-answers adds \"answers\" to JSON reports: use --format jsonl or json");
    tbb::global_control threads(tbb::global_control::max_allowed_parallelism, cfg.jobs);

    const bool tty_err = is_terminal(STDERR_FILENO);
    const bool show_progress = redraw_ok(STDERR_FILENO);
    std::uint64_t total = 0;
    for (const auto& s : sources) total += s->size;
    Progress progress(total);
    BatchState st;
    if (show_progress) st.progress = [&](std::uint64_t bytes) { progress.update(bytes, st.tally.records + st.tally.errors); };

    if (cfg.output == OutputFormat::csv) {
        std::string header;
        render_csv_header(d, header);
        write_out(header);
    }
    for (auto& s : sources) {
        if (st.stopped) break;
        cfg.input = s->format;
        cfg.layout = &s->layout;
        if (s->format == InputFormat::csv && s->layout.columns.empty()) continue;  // empty file
        run_batch(d, cfg, *s->reader, st);
        progress.next_file(s->size);
    }
    if (cfg.output == OutputFormat::json) write_out(st.wrote_any ? "\n]\n" : "[]\n");
    progress.clear();

    if (st.tally.blank_rows > 0)
        warn(fmt::format("skipped {} CSV row{} with every cell empty", st.tally.blank_rows, st.tally.blank_rows == 1 ? "" : "s"));
    if (const std::string ignored = format_ignored(d, st.tally); !ignored.empty()) warn(ignored);
    if (const std::string checks = format_checks(d, st.tally); !checks.empty()) warn(checks);
    if (a.summary || tty_err) write_err(format_summary(d, st.tally, text_report_style(use_color(STDERR_FILENO, a.no_color)).strong));
    if (!a.report.empty()) {
        // From the tally the summary uses: no second pass over the records.
        CohortHtmlOptions o;
        o.generated = report_time();
        o.paper = paper_from(a.paper);
        for (const auto& s : sources) o.inputs += (o.inputs.empty() ? "" : ", ") + printable(s->name);
        std::string html;
        render_cohort_html(d, cohort_counts(d, st.tally), html, o);
        write_file_atomic(a.report, html);
    }
    if (st.stopped)
        warn(fmt::format("stopped after {} invalid record{} (--max-errors)", st.tally.errors, st.tally.errors == 1 ? "" : "s"));
    if (st.tally.errors > 0)
        throw Failure(exit_data, fmt::format("{} of {} records could not be screened (error records are in the output)", st.tally.errors,
                                             st.tally.errors + st.tally.records));
    return exit_ok;
}

}  // namespace myoscreen::cli
