// The batch pipeline: a reader cuts the input into chunks of records, worker
// threads screen and render whole chunks, and a writer emits them in input
// order (oneTBB parallel_pipeline with a bounded number of chunks in flight,
// so memory depends on --jobs and the record limit, not the input size).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "myoscreen/tally.hpp"
#include "myoscreen/records.hpp"
#include "batch/record_reader.hpp"

namespace myoscreen::cli {

enum class OutputFormat { jsonl, json, csv, fhir };

struct BatchConfig {
    InputFormat input = InputFormat::jsonl;
    OutputFormat output = OutputFormat::jsonl;
    const CsvLayout* layout = nullptr;  // CSV input
    std::string id_key = "id";          // JSONL key holding the record id
    unsigned jobs = 1;
    std::uint64_t max_errors = 0;       // 0: no limit
    bool explain = false;
    bool include_answers = false;  // JSON outputs: add "answers" to each report
};

// Running state shared across input files: record numbers continue, the
// writer knows whether anything was written yet.
struct BatchState {
    std::uint64_t next_record = 1;
    bool wrote_any = false;
    std::atomic<bool> stopped = false;  // --max-errors reached (set by the writer, read by the reader)
    Tally tally;
    std::function<void(std::uint64_t bytes)> progress;  // called by the writer
};

// Screens every record of `reader` and writes the results to stdout.
void run_batch(const Definitions& defs, const BatchConfig& cfg, RecordReader& reader, BatchState& state);

}  // namespace myoscreen::cli
