// The batch pipeline: read chunks, screen them in parallel, write in order.
#include "batch/batch_pipeline.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <span>

#include <fmt/format.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include "io/io.hpp"
#include "myoscreen/fhir_questionnaire.hpp"
#include "myoscreen/render.hpp"
#include "myoscreen/screen.hpp"

namespace myoscreen::cli {
namespace {

constexpr std::size_t chunk_records = 512;
constexpr std::size_t chunk_bytes = 1 << 20;

struct Chunk {
    struct Rec {
        std::size_t off, len;
        std::uint64_t number;
        bool too_long;
    };
    // Where the writer may cut the chunk for --max-errors: just after an
    // error record, with the output and the tally up to there. Kept for the
    // first max_errors error records only; no later one can be the cut.
    struct Cut {
        std::size_t out_end;
        Tally tally;
    };
    std::string text;
    std::vector<Rec> recs;
    RenderBuffer out;  // reports are rendered straight into it
    Tally tally;
    std::vector<Cut> cuts;
    std::uint64_t bytes_read = 0;
};

// What each worker thread keeps between records, to avoid allocations.
struct Workspace {
    Workspace(const Definitions* d, const BatchConfig* c) : parser(*d, parser_options(*c)) {}
    static RecordParser::Options parser_options(const BatchConfig& c) {
        RecordParser::Options o;
        o.format = c.input;
        o.layout = c.layout;
        o.id_key = c.id_key;
        o.too_long_reason = "record longer than the limit (--max-record-bytes)";
        return o;
    }
    RecordParser parser;  // the core reads the record, whatever its format
    Answers answers;
    Report report;
    ScreenScratch scratch;
    std::string line;  // a rendered row or error record, before it joins the chunk
};

class Screener {
public:
    Screener(const Definitions& d, const BatchConfig& c) : defs_(d), cfg_(c), compact_(d) {}

    void chunk(Chunk& c, Workspace& ws) const {
        c.out.clear();
        c.tally = Tally{};
        c.cuts.clear();
        if (ws.answers.values.size() != defs_.questions.size()) ws.answers = Answers(defs_.questions.size());
        for (const auto& r : c.recs) record(std::string_view(c.text).substr(r.off, r.len), r, c, ws);
    }

private:
    const Definitions& defs_;
    const BatchConfig& cfg_;
    const CompactJsonRenderer compact_;  // render_json's bytes, from pieces made once

    // A Bundle on one line (NDJSON).
    static void fhir(const Report& rep, Workspace& ws, Chunk& c, std::optional<std::string_view> id) {
        FhirOptions fo;
        fo.pretty = false;
        fo.id = id;
        ws.line.clear();
        render_fhir(rep, ws.answers, ws.line, fo);
        c.out.append(ws.line);
    }

    void error(const Chunk::Rec& r, Chunk& c, Workspace& ws) const {
        ++c.tally.errors;
        const std::optional<std::string_view> id = ws.parser.has_id() ? std::optional(ws.parser.id()) : std::nullopt;
        std::string& line = ws.line;
        line.clear();
        if (cfg_.output == OutputFormat::csv) {
            render_error_csv(defs_, r.number, id, ws.parser.errors(), line);
        } else {
            if (cfg_.output == OutputFormat::json) line += ",\n";
            render_error_json(r.number, id, ws.parser.errors(), line);
            if (cfg_.output == OutputFormat::json) line.pop_back();  // the writer adds separators
        }
        c.out.append(line);
        if (c.cuts.size() < cfg_.max_errors) c.cuts.push_back({c.out.len, c.tally});
    }

    void record(std::string_view text, const Chunk::Rec& r, Chunk& c, Workspace& ws) const {
        switch (ws.parser.read(text, r.too_long, ws.answers)) {
        case RecordParser::Result::error: return error(r, c, ws);
        case RecordParser::Result::blank: return void(++c.tally.blank_rows);  // a spreadsheet's leftover row: only counted
        case RecordParser::Result::answers: break;
        }
        const bool has_id = ws.parser.has_id();
        ScreenOptions so;
        so.explain = cfg_.explain;
        screen_into(defs_, ws.answers, so, ws.report, ws.scratch);
        const Report& rep = ws.report;
        c.tally.add(rep, ws.answers);
        RenderOptions ro;
        ro.pretty = false;
        ro.explain = cfg_.explain;
        if (has_id) ro.id = ws.parser.id();
        if (cfg_.include_answers) ro.answers = &ws.answers;
        if (cfg_.output == OutputFormat::csv) {
            ws.line.clear();
            render_csv_row(rep, ws.line, ro);
            return c.out.append(ws.line);
        }
        if (cfg_.output == OutputFormat::fhir) return fhir(rep, ws, c, ro.id);
        if (cfg_.output == OutputFormat::json) c.out.append(",\n");
        compact_.render(rep, c.out, ro);
        if (cfg_.output == OutputFormat::json) --c.out.len;  // the writer adds separators
    }
};

}  // namespace

void run_batch(const Definitions& defs, const BatchConfig& cfg, RecordReader& reader, BatchState& st) {
    const Screener screener(defs, cfg);
    tbb::enumerable_thread_specific<Workspace> workspaces(&defs, &cfg);
    // Every chunk lives in `owned` (at most `tokens` of them) so none leaks if
    // a write fails mid-pipeline; `free` holds those ready for reuse.
    std::vector<std::unique_ptr<Chunk>> owned;
    std::vector<Chunk*> free;
    std::mutex pool_mu;
    bool done = false;

    auto read = [&](tbb::flow_control& fc) -> Chunk* {
        if (done || st.stopped) {
            fc.stop();
            return nullptr;
        }
        Chunk* c = nullptr;
        {
            std::lock_guard lk(pool_mu);
            if (!free.empty()) {
                c = free.back();
                free.pop_back();
            } else {
                owned.push_back(std::make_unique<Chunk>());
                c = owned.back().get();
            }
        }
        c->text.clear();
        c->recs.clear();
        RecordReader::Record r;
        while (c->recs.size() < chunk_records && c->text.size() < chunk_bytes) {
            if (!reader.next(r)) {
                done = true;
                break;
            }
            c->recs.push_back({c->text.size(), r.text.size(), st.next_record++, r.too_long});
            c->text.append(r.text);
        }
        c->text.append(JsonAnswersReader::padding, ' ');  // simdjson reads a little past a record
        c->bytes_read = reader.bytes_read();
        if (c->recs.empty()) {
            std::lock_guard lk(pool_mu);
            free.push_back(c);
            fc.stop();
            return nullptr;
        }
        return c;
    };
    auto work = [&](Chunk* c) -> Chunk* {
        screener.chunk(*c, workspaces.local());
        return c;
    };
    auto recycle = [&](Chunk* c) {
        std::lock_guard lk(pool_mu);
        free.push_back(c);
    };
    auto write = [&](Chunk* c) {
        if (st.stopped) return recycle(c);  // read before the limit was reached
        std::string_view out = c->out.view();
        const Tally* tally = &c->tally;
        if (cfg.max_errors && st.tally.errors + c->tally.errors >= cfg.max_errors) {
            // Up to and including the max_errors-th error record, nothing after.
            const Chunk::Cut& cut = c->cuts[cfg.max_errors - st.tally.errors - 1];
            out = out.substr(0, cut.out_end);
            tally = &cut.tally;
            st.stopped = true;
        }
        if (cfg.output == OutputFormat::json && !out.empty()) {
            // Records come as ",\n{...}"; the first one of all opens the array.
            write_out(st.wrote_any ? "," : "[");
            out.remove_prefix(1);
        }
        if (!out.empty()) st.wrote_any = true;
        write_out(out);
        st.tally.merge(*tally);
        if (st.progress) st.progress(c->bytes_read);
        recycle(c);
    };

    const std::size_t tokens = std::max<std::size_t>(2, cfg.jobs * 3);
    tbb::parallel_pipeline(tokens, tbb::make_filter<void, Chunk*>(tbb::filter_mode::serial_in_order, read) &
                                       tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::parallel, work) &
                                       tbb::make_filter<Chunk*, void>(tbb::filter_mode::serial_in_order, write));
}

}  // namespace myoscreen::cli
