#include "checker/cli/app.h"
#include "checker/cli/commands.h"
#include "checker/cli/inputs.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <boost/version.hpp>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <exception>
#include <mutex>
#include <thread>

#include <unistd.h>

#include "checker/checks/register_checks.h"
#include "checker/document/loader.h"
#include "checker/engine/config.h"
#include "checker/engine/resources.h"
#include "checker/report/report.h"
#include "checker/text/unicode.h"
#include "checker/testing/examples.h"
#include "checker/testing/fixture.h"

#include <nlohmann/json.hpp>

namespace citelint::cli {
namespace {

namespace fs = std::filesystem;

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output_file;
  std::vector<std::string> select;  // rule globs: report only these
  std::vector<std::string> ignore;  // rule globs: never report these
  bool quiet = false;               // errors only
  bool statistics = false;          // per-rule counts instead of findings (text, concise)
  int max_warnings = -1;            // more warnings than this: exit 1
  std::string stdin_filename;       // the name standard input is checked as
  bool force_exclude = false;       // the config's ignore: also for files named explicitly
  int jobs = 0;                     // documents checked at once; 0: one per core
  std::string color = "auto";       // auto | always | never
  uint64_t max_file_size = 0;       // bytes; 0: SourceFile's default (256 MiB)
  std::string baseline;
  std::string write_baseline;
  std::string fail_on = "error";
  bool fail_on_given = false;       // --fail-on named: it decides the exit status even under a gate
  std::string input_format;
  std::string rules_dir;
  std::vector<std::string> extra_rules;
  std::string config;
  std::string profile;
  bool preview = false;
};

}  // namespace

Expected<Setup> MakeSetup(const std::string& config_path, const std::string& rules_dir,
                          const std::vector<std::string>& extra, bool preview, const std::string& profile) {
  Setup s;
  if (!config_path.empty()) {
    auto c = LoadConfig(config_path);
    if (!c.ok()) return c.status();
    s.config = std::move(c).value();
  }
  std::vector<std::string> dirs = extra;
  for (const auto& r : s.config.rules) dirs.push_back(r.value);
  auto r = citelint::LoadRules(rules_dir.empty() ? DefaultRulesDir() : rules_dir, dirs);
  if (!r.ok()) return r.status();
  s.resources = std::move(r).value();
  if (!s.config.path.empty()) {
    std::vector<std::string> ids;
    for (const auto& check : AllRules(s.resources)) ids.push_back(check->info().id);
    if (Status valid = ValidateConfig(s.config, ids, s.resources); !valid.ok()) return valid;
  }
  auto selected = ResolveProfile(s.config, profile);
  if (!selected.ok()) return selected.status();
  s.profile = std::move(selected).value();
  ApplyConfig(s.config, s.resources);
  s.enabled = EnabledRules(s.resources, s.config, preview, profile);
  return s;
}

std::vector<RuleInfo> KnownRules(const std::map<std::string, Setup>& setups) {
  std::map<std::string, RuleInfo> known;
  for (const auto& [path, setup] : setups) {
    for (const auto& check : AllRules(setup.resources)) known.emplace(check->info().id, check->info());
  }
  std::vector<RuleInfo> rules;
  for (auto& [id, info] : known) rules.push_back(std::move(info));
  return rules;
}

namespace {

// Lexicons, YAML rules and options; errors name the file and line. With
// `with_config`, the rule directories of the nearest .citelint.yaml from the
// current directory are loaded too, so `rules`, `explain` and `test` see the
// house rules `check` sees.
std::optional<Resources> LoadRules(const std::string& dir, const std::vector<std::string>& extra_in = {},
                                   bool with_config = false) {
  std::vector<std::string> extra = extra_in;
  if (with_config) {
    if (const std::string path = FindConfig("."); !path.empty()) {
      auto config = LoadConfig(path);
      if (!config.ok()) {
        std::cerr << config.status().message() << '\n';
        return std::nullopt;
      }
      for (const Setting& r : config->rules) extra.push_back(r.value);
    }
  }
  auto r = citelint::LoadRules(dir.empty() ? DefaultRulesDir() : dir, extra);
  if (!r.ok()) {
    std::cerr << r.status().message() << '\n';
    return std::nullopt;
  }
  return std::move(r).value();
}



// Whether `target` (an --output-file or --write-baseline) is one of the inputs:
// citelint never writes over what it reads.
bool NamesAnInput(const std::vector<std::string>& files, const std::string& target, const char* flag) {
  for (const std::string& path : files) {
    std::error_code ec;
    if (path == target || fs::equivalent(path, target, ec)) {
      std::cerr << fmt::format("{}: error: {} names an input; citelint never writes over what it reads\n", target, flag);
      return true;
    }
  }
  return false;
}

int RunCheck(const CheckOptions& options) {
  std::optional<Format> forced;
  if (!options.input_format.empty()) forced = ParseFormat(options.input_format);
  if (options.paths.empty()) {
    std::cerr << "citelint check: error: no input paths (give files, directories, or - for stdin)\n";
    return kExitError;
  }
  if (std::count(options.paths.begin(), options.paths.end(), "-") > 1) {
    std::cerr << "citelint check: error: standard input (-) given more than once; it can be read only once\n";
    return kExitError;
  }
  if (options.max_file_size > 0) SourceFile::SetMaxBytes(options.max_file_size);
  std::vector<std::string> errors;
  std::set<std::string> walked;
  const std::vector<std::string> files = ExpandPaths(options.paths, errors, &walked);
  if ((!options.output_file.empty() && NamesAnInput(files, options.output_file, "--output-file")) ||
      (!options.write_baseline.empty() && NamesAnInput(files, options.write_baseline, "--write-baseline"))) {
    return kExitError;  // before any work
  }

  std::map<std::string, Setup> setups;  // by config path ("" for none)
  std::map<std::string, const Setup*> setup_of;  // by the path findings name (a gate's verdict reads its profile)
  std::vector<Diagnostic> diagnostics;
  // The sources of files with findings (the writers quote and locate them);
  // a file without findings is only named.
  std::map<std::string, std::shared_ptr<const SourceFile>> sources;
  report::Summary summary;
  // Which files to check, with which setup: decided first, in input order.
  struct Job {
    std::string path;  // "-" for standard input
    const Setup* setup;
    std::optional<Format> format;
    std::shared_ptr<const SourceFile> stdin_source;  // standard input, read once
    std::string read_error;
    bool html = false;  // read as HTML (the format given or the name's)
  };
  std::vector<Job> jobs;
  ConfigFinder configs;
  for (const std::string& path : files) {
    // Standard input checked as a named file: its format, config and path are that name's.
    const bool named_stdin = path == "-" && !options.stdin_filename.empty();
    const std::string& shown = named_stdin ? options.stdin_filename : path;
    const std::string config_path = options.config.empty() ? configs.Find(shown) : options.config;
    auto setup_it = setups.find(config_path);
    if (setup_it == setups.end()) {
      auto setup = MakeSetup(config_path, options.rules_dir, options.extra_rules, options.preview, options.profile);
      if (!setup.ok()) {
        std::cerr << setup.status().message() << '\n';
        return kExitError;  // nothing is checked with a half-loaded rule set
      }
      setup_it = setups.emplace(config_path, std::move(setup).value()).first;
    }
    const Setup& setup = setup_it->second;
    if ((walked.count(path) || options.force_exclude) && setup.config.Ignored(shown)) continue;
    Job job{path, &setup, named_stdin ? forced : InputFormat(path, forced), nullptr, "", false};
    job.html = job.format.value_or(FormatForPath(shown)) == Format::kHtml;
    if (path == "-") {
      auto source = SourceFile::Read(path);
      if (!source.ok()) {
        job.read_error = source.status().message();
      } else {
        job.stdin_source = std::make_shared<const SourceFile>(
            named_stdin ? SourceFile(options.stdin_filename, std::string(source->bytes())) : std::move(source).value());
      }
    }
    setup_of[named_stdin ? options.stdin_filename : path == "-" ? std::string("<stdin>") : path] = &setup;
    jobs.push_back(std::move(job));
  }
  auto load = [&](const Job& job) -> Expected<Document> {
    if (!job.read_error.empty()) return Status::Error(job.read_error);
    std::shared_ptr<const SourceFile> source = job.stdin_source;
    if (source == nullptr) {
      auto read = SourceFile::Read(job.path);
      if (!read.ok()) return read.status();
      source = std::make_shared<const SourceFile>(std::move(read).value());
    }
    return LoadDocument(std::move(source), job.format);
  };
  // Runs work(i) for every i < n on --jobs threads; each result goes to its
  // own slot and slots are read in input order, so output does not depend on N.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t max_threads = options.jobs > 0 ? static_cast<size_t>(options.jobs) : cores;
  auto parallel = [&](size_t n, const std::function<void(size_t, bool)>& work) {
    std::atomic<size_t> next{0};
    auto run = [&](bool main_thread) {
      for (size_t i = next++; i < n; i = next++) work(i, main_thread);
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < std::min(max_threads, n); ++t) {
      // A thread the system will not start (or no memory to track it): the
      // work goes to those that did.
      try {
        pool.emplace_back(run, false);
      } catch (const std::exception&) {
        break;
      }
    }
    run(true);
    for (std::thread& t : pool) t.join();
  };
  // The writers' per-finding work (locating, fingerprinting, formatting)
  // spread over the same threads as the checking. A failure on a worker
  // thread (out of memory) is carried back and thrown on this one, where the
  // top-level handler reports it, instead of ending the process.
  const report::ParallelFor parallel_for = [&](size_t n, const std::function<void(size_t)>& work) {
    std::mutex failed_mutex;
    std::exception_ptr failed;
    parallel(n, [&](size_t i, bool) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failed_mutex);
        if (!failed) failed = std::current_exception();
      }
    });
    if (failed) std::rethrow_exception(failed);
  };
  // HTML endnotes live in another file (chapter.xhtml → endnotes.xhtml#note-3).
  // With two HTML files or more, each is checked as it stands and keeps only
  // what resolving links across files needs (note ids, element ids, link
  // targets); the few whose notes or markers the resolution changes are
  // loaded and checked again. Each document is held only while it is checked.
  const bool across = std::count_if(jobs.begin(), jobs.end(), [](const Job& j) { return j.html; }) >= 2;
  std::vector<std::optional<CrossFileFacts>> facts(jobs.size());
  struct Outcome {
    bool checked = false;
    std::string error;
    std::string path;
    std::vector<Diagnostic> found;
    int markers = 0, notes = 0;
    std::shared_ptr<const SourceFile> source;  // kept only when there are findings
  };
  std::vector<Outcome> outcomes(jobs.size());
  auto CheckOne = [&](size_t i, const CrossFileLinks* links) {
    Outcome o;
    auto doc = load(jobs[i]);
    if (!doc.ok()) {
      o.error = doc.status().message();
    } else {
      if (links != nullptr) {
        ApplyLinks(*doc, *links);
      } else if (across && jobs[i].html) {
        facts[i] = FactsOf(*doc);
      } else if (doc->format == Format::kHtml) {
        ResolveAcrossDocuments({&*doc});  // the only HTML file: its backlinks still count
      }
      o.checked = true;
      o.path = doc->path();
      o.found = CheckDocument(*doc, jobs[i].setup->resources, jobs[i].setup->config, jobs[i].setup->enabled);
      o.markers = static_cast<int>(doc->markers.size());
      o.notes = static_cast<int>(doc->notes.size());
      if (!o.found.empty()) o.source = doc->source;
    }
    outcomes[i] = std::move(o);
  };
  auto check = [&](size_t i, const CrossFileLinks* links) {
    // A failure inside one document (an internal error, out of memory) is an
    // input error for that document; every other file is still checked.
    try {
      CheckOne(i, links);
    } catch (const std::bad_alloc&) {
      outcomes[i] = Outcome{};
      outcomes[i].error = fmt::format("{}: error: out of memory while checking this file", jobs[i].path);
    } catch (const std::exception& e) {
      outcomes[i] = Outcome{};
      outcomes[i].error = fmt::format("{}: error: internal error while checking this file: {} (please report it)",
                                      jobs[i].path, e.what());
    }
  };
  {
    std::atomic<size_t> done{0};
    // A progress line on stderr for long runs, only on a terminal; the main
    // thread writes it, so lines never interleave.
    const bool progress = jobs.size() >= 20 && isatty(STDERR_FILENO);
    parallel(jobs.size(), [&](size_t i, bool main_thread) {
      check(i, nullptr);
      const size_t finished = ++done;
      if (main_thread && progress) std::cerr << fmt::format("\rcitelint: checked {}/{} files", finished, jobs.size()) << std::flush;
    });
    // The count at the end (the main thread may have checked none of the
    // files, when the others took them all), then the line erased: the report follows.
    if (progress) std::cerr << fmt::format("\rcitelint: checked {0}/{0} files\r\x1b[K", jobs.size()) << std::flush;
  }
  if (across) {
    std::vector<CrossFileFacts> known;
    std::vector<size_t> slot;
    for (size_t i = 0; i < jobs.size(); ++i) {
      if (facts[i]) {
        known.push_back(std::move(*facts[i]));
        slot.push_back(i);
      }
    }
    facts.clear();
    const std::vector<CrossFileLinks> links = ResolveAcross(known);
    std::vector<std::pair<size_t, const CrossFileLinks*>> again;
    for (size_t k = 0; k < slot.size(); ++k) {
      if (!links[k].cited_elsewhere.empty() || !links[k].dangling.empty()) again.emplace_back(slot[k], &links[k]);
    }
    parallel(again.size(), [&](size_t k, bool) { check(again[k].first, again[k].second); });
  }
  std::vector<std::string> checked_paths;
  {
    // Every file's findings moved in once, into room made for them all.
    size_t total = diagnostics.size();
    for (const Outcome& o : outcomes) total += o.found.size();
    diagnostics.reserve(total);
  }
  for (Outcome& o : outcomes) {
    if (!o.error.empty()) errors.push_back(std::move(o.error));
    if (!o.checked) continue;
    ++summary.files;
    summary.markers += o.markers;
    summary.notes += o.notes;
    checked_paths.push_back(o.path);
    if (o.source != nullptr) sources[o.path] = std::move(o.source);
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(o.found.begin()), std::make_move_iterator(o.found.end()));
    o = Outcome{};
  }
  SortDiagnostics(diagnostics);
  // Input errors (those of path expansion, then those of loading) in the
  // order of the files they name, as findings are.
  std::sort(errors.begin(), errors.end());
  errors.erase(std::unique(errors.begin(), errors.end()), errors.end());
  // --select / --ignore / --quiet: which findings are reported at all.
  if (!options.select.empty() || !options.ignore.empty()) {
    std::vector<std::string> ids;
    for (const auto& [config_path, setup] : setups) {
      for (const auto& check : AllRules(setup.resources)) ids.push_back(check->info().id);
    }
    for (const auto* list : {&options.select, &options.ignore}) {
      for (const std::string& pattern : *list) {
        if (std::none_of(ids.begin(), ids.end(), [&](const std::string& id) { return GlobMatch(pattern, id); })) {
          const auto near = DidYouMean(pattern, ids);
          std::cerr << fmt::format("citelint check: error: no rule matches '{}' in {}{}\n", pattern,
                                   list == &options.select ? "--select" : "--ignore",
                                   near ? fmt::format(" (did you mean '{}'?)", *near) : std::string());
          return kExitError;
        }
      }
    }
  }
  auto any_match = [](const std::vector<std::string>& globs, const std::string& id) {
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return GlobMatch(g, id); });
  };
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    return (!options.select.empty() && !any_match(options.select, d.rule)) || any_match(options.ignore, d.rule) ||
           (options.quiet && d.severity != Severity::kError);
  });
  if (summary.files == 0 && errors.empty()) {
    // As in ESLint: a mistyped path or an over-broad ignore must not pass CI forever.
    std::cerr << "citelint check: error: no files to check (directories are searched for .txt, .md, .markdown, "
                 ".rst, .rest, .html, .htm and .xhtml files; the config's ignore: may have excluded them all)\n";
    return kExitError;
  }

  // Baselines: today's findings recorded by fingerprint; later runs report
  // only the new ones.
  // (Only a baseline needs them here; a writer that reports them computes them itself.)
  std::vector<std::string> fingerprints;
  if (!options.baseline.empty() || !options.write_baseline.empty()) {
    report::Input of{diagnostics, sources, summary};
    of.parallel = &parallel_for;
    fingerprints = report::Fingerprints(of);
  }
  if (!options.write_baseline.empty()) {
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (size_t i = 0; i < diagnostics.size(); ++i) {
      const Diagnostic& d = diagnostics[i];
      const LineCol at = sources.count(d.path) ? sources.at(d.path)->Locate(d.span.begin) : LineCol{};
      findings.push_back({{"fingerprint", fingerprints[i]}, {"rule", d.rule}, {"path", d.path}, {"line", at.line},
                          {"message", d.message}});
    }
    nlohmann::ordered_json root;
    root["version"] = 1;
    root["tool"] = "citelint";
    root["findings"] = std::move(findings);
    std::ofstream b(options.write_baseline, std::ios::binary | std::ios::trunc);
    b << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    b.flush();
    if (!b) {
      std::cerr << fmt::format("{}: error: cannot write the baseline\n", options.write_baseline);
      return kExitError;
    }
  }
  std::vector<Diagnostic> all_diagnostics;  // under a baseline: new and known, for SARIF
  std::vector<std::string> all_fingerprints;
  std::set<std::string> unchanged;
  std::vector<report::AbsentFinding> absent;
  if (!options.baseline.empty()) {
    std::ifstream b(options.baseline, std::ios::binary);
    if (!b) {
      std::cerr << fmt::format("{}: error: cannot read the baseline: {}\n", options.baseline, std::strerror(errno));
      return kExitError;
    }
    std::map<std::string, int> known;  // fingerprint → how many times recorded
    std::vector<report::AbsentFinding> recorded_findings;
    try {
      const nlohmann::json root = nlohmann::json::parse(b);
      if (!root.is_object() || root.value("version", 0) != 1 || !root.contains("findings") || !root["findings"].is_array()) {
        throw std::runtime_error("not a citelint baseline (version 1)");
      }
      for (const auto& f : root["findings"]) {
        ++known[f.at("fingerprint").get<std::string>()];
        recorded_findings.push_back({f.at("fingerprint").get<std::string>(), f.value("rule", ""), f.value("path", ""),
                                     f.value("message", ""), f.value("line", 0)});
      }
    } catch (const std::exception& e) {
      std::cerr << fmt::format("{}: error: invalid baseline: {}\n", options.baseline, e.what());
      return kExitError;
    }
    int recorded = 0;
    for (const auto& [f, n] : known) recorded += n;
    std::vector<Diagnostic> fresh;
    std::vector<std::string> fresh_prints;
    int hidden = 0;
    all_diagnostics = diagnostics;
    all_fingerprints = fingerprints;
    for (size_t i = 0; i < diagnostics.size(); ++i) {
      if (auto it = known.find(fingerprints[i]); it != known.end() && it->second > 0) {
        --it->second;
        ++hidden;
        unchanged.insert(fingerprints[i]);
        continue;
      }
      fresh.push_back(std::move(diagnostics[i]));
      fresh_prints.push_back(fingerprints[i]);
    }
    diagnostics = std::move(fresh);
    fingerprints = std::move(fresh_prints);
    for (const report::AbsentFinding& f : recorded_findings) {
      if (auto it = known.find(f.fingerprint); it != known.end() && it->second > 0) {
        --it->second;
        absent.push_back(f);
      }
    }
    std::cerr << fmt::format("{}: {} known finding{} not shown, {} no longer found\n", options.baseline, hidden,
                             hidden == 1 ? "" : "s", recorded - hidden);
  }

  // Under a profile that blocks (publish, or a house gate), the verdict:
  // each finding blocks or only informs by its file's profile, and a file
  // that could not be checked holds the draft too.
  std::optional<report::GateVerdict> gate;
  std::vector<bool> blocking;
  if (std::any_of(setups.begin(), setups.end(), [](const auto& kv) { return kv.second.profile.gate(); })) {
    gate.emplace();
    std::set<std::string> names;
    for (const auto& [config_path, setup] : setups) names.insert(setup.profile.name);
    gate->profile = fmt::format("{}", fmt::join(names, ", "));
    for (const Diagnostic& d : diagnostics) {
      const auto it = setup_of.find(d.path);
      blocking.push_back(it != setup_of.end() && it->second->profile.Blocks(d.rule, d.severity));
      gate->blocking += blocking.back() ? 1 : 0;
    }
    gate->unchecked = static_cast<int>(errors.size());
    gate->hold = gate->blocking > 0 || gate->unchecked > 0;
  }

  report::Input input{diagnostics, sources, summary};
  input.parallel = &parallel_for;
  input.gate = gate ? &*gate : nullptr;
  input.blocking = gate ? &blocking : nullptr;
  input.fingerprints = options.baseline.empty() ? nullptr : &fingerprints;
  std::vector<report::InputError> input_errors;
  for (const std::string& e : errors) input_errors.push_back(report::ParseInputError(e));
  input.input_errors = &input_errors;
  input.files = &checked_paths;
  // Colour only text to a terminal, unless told; NO_COLOR (no-color.org) turns "auto" off.
  const char* no_color = std::getenv("NO_COLOR");
  input.color = options.color == "always" ||
                (options.color == "auto" && options.output_file.empty() && isatty(STDOUT_FILENO) &&
                 (no_color == nullptr || *no_color == '\0'));
  std::ofstream file;
  if (!options.output_file.empty()) {
    file.open(options.output_file, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << fmt::format("{}: error: cannot write the report: {}\n", options.output_file, std::strerror(errno));
      return kExitError;
    }
  }
  std::ostream& out = options.output_file.empty() ? std::cout : file;
  if (options.statistics && (options.format == "text" || options.format == "concise")) {
    // As ruff's --statistics: how many findings of each rule, most first.
    std::map<std::string, std::pair<int, Severity>> count;
    for (const Diagnostic& d : diagnostics) {
      auto& c = count.try_emplace(d.rule, 0, d.severity).first->second;
      ++c.first;
    }
    std::vector<std::pair<std::string, std::pair<int, Severity>>> rows(count.begin(), count.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    for (const auto& [rule, c] : rows) out << fmt::format("{:>6}  {:<32} {}\n", c.first, rule, SeverityName(c.second));
  } else if (options.format == "json") {
    report::WriteJson(out, input);
  } else if (options.format == "concise") {
    report::WriteConcise(out, input);
  } else if (options.format == "github") {
    report::WriteGithub(out, input);
  } else if (options.format == "gitlab") {
    report::WriteGitlab(out, input);
  } else if (options.format == "markdown") {
    report::WriteMarkdown(out, input);
  } else if (options.format == "junit") {
    // With --fail-on never nothing fails; below the level a finding is a passing case.
    report::WriteJunit(out, input, options.fail_on == "never" ? std::nullopt : ParseSeverity(options.fail_on));
  } else if (options.format == "sarif") {
    const std::vector<RuleInfo> rules = KnownRules(setups);  // for tool.driver.rules
    report::SarifOptions sarif;
    sarif.version = CITELINT_VERSION;
    sarif.information_uri = CITELINT_DOC_URI;
    sarif.help_uri = std::string(CITELINT_DOC_URI) + "#rules";
    sarif.baseline = !options.baseline.empty();
    sarif.unchanged = &unchanged;
    sarif.absent = &absent;
    report::Input all{options.baseline.empty() ? diagnostics : all_diagnostics, sources, summary};
    all.fingerprints = options.baseline.empty() ? nullptr : &all_fingerprints;
    all.rules = &rules;
    all.parallel = &parallel_for;
    all.files = &checked_paths;
    report::WriteSarif(out, all, sarif);
  } else {
    report::WriteText(out, input);
  }
  out.flush();
  if (!out) {
    std::cerr << fmt::format("{}: error: cannot write the report\n", options.output_file.empty() ? "stdout" : options.output_file);
    return kExitError;
  }
  for (const std::string& e : errors) std::cerr << e << '\n';
  if (!errors.empty()) return kExitError;

  if (!options.write_baseline.empty()) return kExitClean;
  if (options.max_warnings >= 0) {
    const auto warnings = std::count_if(diagnostics.begin(), diagnostics.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::kWarning; });
    if (warnings > options.max_warnings) {
      std::cerr << fmt::format("citelint check: {} warnings, more than --max-warnings {}\n", warnings, options.max_warnings);
      return kExitFindings;
    }
  }
  // A gate decides by its verdict (hold: 1), unless --fail-on says otherwise.
  if (gate && !options.fail_on_given) return gate->hold ? kExitFindings : kExitClean;
  if (options.fail_on == "never") return kExitClean;
  const Severity threshold = *ParseSeverity(options.fail_on);
  const bool failed = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return static_cast<int>(d.severity) <= static_cast<int>(threshold);
  });
  return failed ? kExitFindings : kExitClean;
}

// `citelint config --print`: the effective configuration with origins.
int RunConfigPrint(const std::string& target, const std::string& config_flag, const std::string& rules_dir) {
  const std::string config_path = config_flag.empty() ? FindConfig(target) : config_flag;
  auto setup = MakeSetup(config_path, rules_dir, {}, false);
  if (!setup.ok()) {
    std::cerr << setup.status().message() << '\n';
    return kExitError;
  }
  const Config& c = setup->config;
  std::cout << "config: " << (c.path.empty() ? "(none found; defaults)" : c.path) << '\n';
  // Where the rules directory came from, as `config --print` shows every setting's origin.
  std::string rules_origin = "--rules-dir";
  if (rules_dir.empty()) {
    rules_origin = "default";
    const std::string found = DefaultRulesDir();
    for (const auto& [dir, why] : RulesDirCandidates()) {
      if (dir == found) rules_origin = why;
    }
  }
  std::cout << "rules-dir: " << (rules_dir.empty() ? DefaultRulesDir() : rules_dir) << "  (" << rules_origin << ")\n";
  for (const auto& r : c.rules) std::cout << "rules: " << r.value << "  (" << r.origin << ")\n";
  for (const auto& e : c.enable) std::cout << "enable: " << e.value << "  (" << e.origin << ")\n";
  for (const auto& d : c.disable) std::cout << "disable: " << d.value << "  (" << d.origin << ")\n";
  for (const auto& i : c.ignore) std::cout << "ignore: " << i.value << "  (" << i.origin << ")\n";
  for (const auto& s : c.suppress) {
    std::cout << fmt::format("suppress: {} in {} on lines containing \"{}\"  ({})\n", s.rule, s.path.empty() ? "*" : s.path,
                             s.line, s.origin);
  }
  const Profile& profile = setup->profile;
  const std::string profile_origin = c.profile ? c.profile->origin : profile.origin;
  std::cout << fmt::format("profile: {}  ({}); runs the {} rules", profile.name, profile_origin, profile.runs);
  if (profile.gate()) {
    std::vector<std::string> holds;
    if (profile.block_at) holds.push_back(fmt::format("every {}{}", SeverityName(*profile.block_at),
                                                      *profile.block_at == Severity::kError ? "" : " or worse"));
    holds.insert(holds.end(), profile.block.begin(), profile.block.end());
    std::cout << fmt::format("; a gate: {} hold{} the draft", fmt::join(holds, ", "), holds.size() == 1 ? "s" : "");
    if (!profile.inform.empty()) std::cout << fmt::format(", never {}", fmt::join(profile.inform, ", "));
  }
  std::cout << '\n';
  std::cout << "rules in effect:\n";
  for (const auto& r : AllRules(setup->resources)) {
    const RuleInfo& i = r->info();
    const bool on = std::any_of(setup->enabled.begin(), setup->enabled.end(), [&](const auto& e) { return e->info().id == i.id; });
    std::string origin = "default";
    for (const auto* list : {&c.enable, &c.disable}) {
      for (const auto& g : *list) {
        if (GlobMatch(g.value, i.id)) origin = g.origin;
      }
    }
    auto sev = setup->resources.severity.find(i.id);
    const Severity severity = sev == setup->resources.severity.end() ? i.severity : sev->second;
    std::string sev_origin = c.severity.count(i.id) ? c.severity.at(i.id).origin : "default";
    const bool blocks = on && profile.gate() && profile.Blocks(i.id, severity);
    std::cout << fmt::format("  {:<3} {:<32} {:<8} ({}; severity {}){}\n", on ? "on" : "off", i.id, SeverityName(severity),
                             origin, sev_origin, blocks ? "  blocks" : "");
    if (auto o = setup->resources.options.find(i.id); o != setup->resources.options.end()) {
      for (const auto& [k, v] : o->second.values()) {
        std::string from = "rule file";
        if (auto co = c.options.find(i.id); co != c.options.end() && co->second.count(k)) from = co->second.at(k).second;
        std::cout << fmt::format("        {} = {}  ({})\n", k, v, from);
      }
    }
  }
  return kExitClean;
}

// `citelint rules`: every rule, one per line, or JSON.
int RunRules(const std::string& format, const std::string& rules_dir, const std::vector<std::string>& extra) {
  const std::optional<Resources> resources = LoadRules(rules_dir, extra, /*with_config=*/true);
  if (!resources) return kExitError;
  const CheckList rules = AllRules(*resources);
  auto source_of = [&](const RuleInfo& info) {
    auto it = resources->rule_files.find(info.id);
    return info.source.empty() && it != resources->rule_files.end() ? it->second : info.source;
  };
  auto severity_of = [&](const RuleInfo& info) {
    auto it = resources->severity.find(info.id);
    return it == resources->severity.end() ? info.severity : it->second;
  };
  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : rules) {
      const RuleInfo& i = r->info();
      out.push_back({{"id", i.id}, {"severity", SeverityName(severity_of(i))}, {"status", i.status},
                     {"profile", RuleProfile(i, *resources)}, {"source", source_of(i)}, {"summary", i.summary}});
    }
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return kExitClean;
  }
  for (const auto& r : rules) {
    const RuleInfo& i = r->info();
    std::cout << fmt::format("{:<28} {:<8} {:<10} {:<8} {}\n    {}\n", i.id, SeverityName(severity_of(i)), i.status,
                             RuleProfile(i, *resources), source_of(i), i.summary);
  }
  return kExitClean;
}

// `citelint explain RULE`: description, options and examples.
int RunExplain(const std::string& id, const std::string& rules_dir, const std::vector<std::string>& extra) {
  const std::optional<Resources> resources = LoadRules(rules_dir, extra, /*with_config=*/true);
  if (!resources) return kExitError;
  for (const auto& r : AllRules(*resources)) {
    const RuleInfo& i = r->info();
    if (i.id != id) continue;
    const std::string profile = RuleProfile(i, *resources);
    std::cout << fmt::format("{} ({}, {}{})\n\n{}\n\n{}\n", i.id, SeverityName(i.severity), i.status,
                             profile == "strict" ? ", strict profile only" : "", i.summary, i.description);
    if (const std::string precision = RulePrecision(i, *resources); !precision.empty()) {
      std::cout << "\nmeasured precision: " << precision << '\n';
    }
    if (!i.replaced_by.empty()) std::cout << "\nreplaced by: " << i.replaced_by << '\n';
    if (auto o = resources->options.find(id); o != resources->options.end() && !o->second.empty()) {
      std::cout << "\noptions:\n";
      for (const auto& [k, v] : o->second.values()) std::cout << fmt::format("  {} = {}\n", k, v);
    }
    for (const auto& [title, list] : {std::pair{"bad", &i.bad}, {"good", &i.good}}) {
      for (const auto& e : *list) std::cout << "\n" << title << " (" << i.format << "):\n" << e << (e.ends_with("\n") ? "" : "\n");
    }
    std::cout << "\ndefined in " << (i.source.empty() ? resources->rule_files.at(id) : i.source) << '\n';
    return kExitClean;
  }
  std::vector<std::string> ids;
  for (const auto& r : AllRules(*resources)) ids.push_back(r->info().id);
  const auto near = DidYouMean(id, ids);
  std::cerr << fmt::format("citelint explain: error: no rule '{}'{} (see citelint rules)\n", id,
                           near ? fmt::format("; did you mean '{}'?", *near) : std::string());
  return kExitError;
}

// `citelint test [DIR...]`: every rule's examples and every fixture's
// expectations, with a per-rule TP/FP/FN table.
int RunTest(const std::vector<std::string>& dirs_in, const std::string& rules_dir, const std::vector<std::string>& extra) {
  const std::optional<Resources> resources = LoadRules(rules_dir, extra, /*with_config=*/true);
  if (!resources) return kExitError;
  std::vector<std::string> dirs = dirs_in;
  if (dirs.empty() && fs::is_directory("fixtures")) dirs.push_back("fixtures");
  struct Counts {
    int examples = 0, tp = 0, fp = 0, fn = 0, todo = 0;
  };
  std::map<std::string, Counts> table;
  int failures = 0;
  for (const auto& rule : AllRules(*resources)) {
    Counts& c = table[rule->info().id];
    c.examples = static_cast<int>(rule->info().bad.size() + rule->info().good.size());
    for (const auto& f : testing::RunExamples(*rule, *resources)) {
      ++failures;
      std::cout << fmt::format("FAIL {} example: {}\n", f.rule, f.problem);
    }
  }
  int fixtures = 0;
  for (const std::string& dir : dirs) {
    if (!fs::is_directory(dir)) {
      std::cerr << fmt::format("{}: error: no such directory\n", dir);
      return kExitError;
    }
    const std::vector<std::string> files = testing::FixtureFiles(dir);
    if (files.empty()) {
      // A mistyped directory must not pass: nothing tested is not "all passed".
      std::cerr << fmt::format("{}: error: no fixtures (.txt, .md, .html, .rst) under this directory\n", dir);
      return kExitError;
    }
    for (const std::string& rel : files) {
      ++fixtures;
      const testing::FixtureRun run = testing::RunFixture(dir, rel, *resources);
      if (!run.error.empty()) {
        ++failures;
        std::cout << fmt::format("FAIL {}/{}: {}\n", dir, rel, run.error);
        continue;
      }
      Counts& c = table[run.rule.empty() ? "(e2e)" : run.rule];
      c.tp += run.outcome.true_positives;
      c.fp += run.outcome.false_positives;
      c.fn += run.outcome.false_negatives;
      c.todo += run.outcome.todo;
      for (const auto& f : run.outcome.failures) {
        ++failures;
        std::cout << fmt::format("FAIL {}/{}\n", dir, f);
      }
    }
  }
  std::cout << fmt::format("\n{:<28} {:>8} {:>4} {:>4} {:>4} {:>4}\n", "rule", "examples", "TP", "FP", "FN", "todo");
  for (const auto& [id, c] : table) {
    std::cout << fmt::format("{:<28} {:>8} {:>4} {:>4} {:>4} {:>4}\n", id, c.examples, c.tp, c.fp, c.fn, c.todo);
  }
  std::cout << fmt::format("\n{} rules, {} fixtures: {}\n", table.size() - table.count("(e2e)") - table.count("(speakers)"), fixtures,
                           failures == 0 ? "all passed" : fmt::format("{} failures", failures));
  return failures == 0 ? kExitClean : kExitFindings;
}

// Loads one input for graph/inspect; the error goes to stderr.
std::optional<Document> LoadInput(const std::string& path, const std::string& input_format) {
  std::optional<Format> forced;
  if (!input_format.empty()) forced = ParseFormat(input_format);
  auto doc = LoadPath(path, InputFormat(path, forced));
  if (!doc.ok()) {
    std::cerr << doc.status().message() << '\n';
    return std::nullopt;
  }
  return std::move(doc).value();
}

// `citelint graph FILE --format dot|json`: the claim-to-source graph.
int RunGraph(const std::string& path, const std::string& format, const std::string& input_format,
             const std::string& rules_dir) {
  const std::optional<Resources> resources = LoadRules(rules_dir);
  if (!resources) return kExitError;
  auto doc = LoadInput(path, input_format);
  if (!doc) return kExitError;
  const Analysis analysis(*doc, *resources, /*graph_nodes=*/true);
  if (format == "json") {
    analysis.graph().WriteJson(std::cout);
  } else {
    analysis.graph().WriteDot(std::cout);
  }
  return kExitClean;
}

// `citelint inspect FILE`: what the loader found, one line per block, marker and note.
int RunInspect(const std::string& path, const std::string& input_format) {
  auto doc = LoadInput(path, input_format);
  if (!doc) return kExitError;
  const SourceFile& src = *doc->source;
  for (const Block& b : doc->blocks) {
    const LineCol lc = src.Locate(b.span.begin);
    std::cout << fmt::format("block {} {}:{}\n", BlockKindName(b.kind), lc.line, lc.column);
  }
  for (const Marker& m : doc->markers) {
    const LineCol lc = src.Locate(m.span.begin);
    std::cout << fmt::format("marker {} {}:{} -> {}{}\n", m.label, lc.line, lc.column,
                             m.note >= 0 ? "note " + doc->notes[m.note].label : std::string("none"),
                             m.external ? " (external " + std::string(m.Target()) + ")" : "");
  }
  for (const Note& n : doc->notes) {
    const LineCol lc = src.Locate(n.label_span.begin);
    std::cout << fmt::format("note {} {}:{}{} {}\n", n.label, lc.line, lc.column,
                             n.duplicate_of >= 0 ? " duplicate" : "", n.text.substr(0, 80));
  }
  return kExitClean;
}

// `citelint --version`: what a bug report needs.
std::string VersionText() {
  const std::string rules = DefaultRulesDir();
  return fmt::format(
      "citelint {}\n"
      "runs with: ICU {}, RE2 {}, cmark-gfm {}\n"
      "built with: Boost {}.{}, fmt {}.{}.{}, nlohmann-json {}.{}.{}, CLI11 {}, yaml-cpp, gumbo\n"
      "rules: {}",
      CITELINT_VERSION, text::IcuVersion(), text::Re2Library(), CmarkGfmVersion(), BOOST_VERSION / 100000,
      BOOST_VERSION / 100 % 1000, FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100,
      NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH, CLI11_VERSION,
      rules.empty() ? "not found (see --rules-dir)" : rules);
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"citelint: checks that an article's citations hold (footnote markers, notes, sources)",
               "citelint"};
  app.set_version_flag("--version", std::function<std::string()>(VersionText),
                       "Print the version, the libraries it runs with and its rules directory, and exit");
  app.require_subcommand(1);

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Check documents and report findings");
  check_cmd->add_option("paths", check.paths, "Files or directories (recursively: .txt .md .markdown .rst .rest .html .htm .xhtml); - for stdin");
  check_cmd->add_option("--format", check.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "concise", "github", "gitlab", "sarif", "junit", "markdown"}))
      ->capture_default_str();
  check_cmd->add_option("--baseline", check.baseline, "Report only findings not in this baseline file");
  check_cmd->add_option("--write-baseline", check.write_baseline,
                        "Record every finding in this baseline file (and exit 0)");
  check_cmd->add_option("--output-file", check.output_file, "Write the report to FILE instead of standard output");
  check_cmd->add_option("--max-file-size", check.max_file_size,
                        "Refuse inputs larger than this many bytes (suffixes k, M, G); default 256M")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(uint64_t{1}, uint64_t{4294967294}));
  check_cmd->add_option("--select", check.select, "Report only rules matching these ids or globs (comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check_cmd->add_option("--ignore", check.ignore, "Never report rules matching these ids or globs (comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  check_cmd->add_flag("--quiet", check.quiet, "Report errors only");
  check_cmd->add_option("--color", check.color, "Colour the text output: auto (a terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  check_cmd->add_option("--jobs,-j", check.jobs, "Documents checked at once (default: one per core)")
      ->check(CLI::PositiveNumber);
  check_cmd->add_option("--stdin-filename", check.stdin_filename,
                        "Check standard input (-) as this file: its format, config and reported path");
  check_cmd->add_flag("--force-exclude", check.force_exclude,
                      "Apply the config's ignore: to files named on the command line too (as pre-commit names them)");
  check_cmd->add_flag("--statistics", check.statistics, "Print how many findings of each rule instead of the findings");
  check_cmd->add_option("--max-warnings", check.max_warnings, "Exit 1 when there are more warnings than this")
      ->check(CLI::NonNegativeNumber);
  CLI::Option* fail_on = check_cmd->add_option("--fail-on", check.fail_on,
                                               "Lowest severity that makes the exit status 1 (under a gate profile: "
                                               "the verdict, hold is 1, unless this is given)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  check_cmd->add_option("--input-format", check.input_format,
                        "Treat inputs as this format (default: by extension; stdin: txt)")
      ->check(CLI::IsMember({"txt", "md", "html", "rst"}));
  check_cmd->add_option("--rules-dir", check.rules_dir, "Rules directory (lexicons, rule options); default: the shipped one");
  check_cmd->add_flag("--preview", check.preview, "Also run rules whose status is preview");
  check_cmd->add_option("--profile", check.profile,
                        "Profile: default, strict (also the rules too noisy for every draft), publish (a gate: "
                        "pass or hold) or one of the config's profiles")
      ->type_name("NAME");
  check_cmd->add_option("--config", check.config, "Use this config file instead of the nearest .citelint.yaml");

  std::string config_path, config_rules_dir;
  std::string config_target = ".";
  bool config_print = false;
  CLI::App* config_cmd = app.add_subcommand("config", "Show the effective configuration and where each setting came from");
  config_cmd->add_flag("--print", config_print, "Print the effective configuration (the default)");
  config_cmd->add_option("path", config_target, "A file or directory whose configuration to show (default: .)");
  config_cmd->add_option("--config", config_path, "Use this config file instead of the nearest .citelint.yaml");
  config_cmd->add_option("--rules-dir", config_rules_dir, "Rules directory; default: the shipped one");

  std::string graph_path, graph_format = "dot", graph_input_format, graph_rules_dir;
  CLI::App* graph_cmd = app.add_subcommand("graph", "Export the claim-to-source graph of one document");
  graph_cmd->add_option("path", graph_path, "A file, or - for stdin")->required();
  graph_cmd->add_option("--format", graph_format, "dot (Graphviz) or json")
      ->check(CLI::IsMember({"dot", "json"}))
      ->capture_default_str();
  graph_cmd->add_option("--input-format", graph_input_format, "Treat the input as this format")
      ->check(CLI::IsMember({"txt", "md", "html", "rst"}));
  graph_cmd->add_option("--rules-dir", graph_rules_dir, "Rules directory (lexicons)");

  std::string rules_format = "text";
  std::vector<std::string> extra_rules;
  std::string shared_rules_dir;
  CLI::App* rules_cmd = app.add_subcommand("rules", "List every rule (id, severity, status, source file, summary)");
  rules_cmd->add_option("--format", rules_format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  std::string explain_id;
  CLI::App* explain_cmd = app.add_subcommand("explain", "Print a rule's description, options and examples");
  explain_cmd->add_option("rule", explain_id, "Rule id, e.g. attribution.mismatch")->required();
  std::vector<std::string> test_dirs;
  CLI::App* test_cmd = app.add_subcommand("test", "Run every rule's examples and the fixtures' inline expectations");
  test_cmd->add_option("dirs", test_dirs, "Fixture directories (default: ./fixtures)");
  for (CLI::App* cmd : {rules_cmd, explain_cmd, test_cmd}) {
    cmd->add_option("--rules-dir", shared_rules_dir, "Rules directory; default: the shipped one");
    cmd->add_option("--rules", extra_rules, "An extra rules directory (a house style); repeatable")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  check_cmd->add_option("--rules", check.extra_rules, "An extra rules directory (a house style); repeatable")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);

  QuotesOptions quotes;
  ReportOptions report_options;
  CLI::App* report_cmd = app.add_subcommand("report", "Write the editor's integrity report: one self-contained HTML page");
  report_cmd->add_option("paths", report_options.paths, "Files or directories; - for stdin");
  report_cmd->add_option("-o,--output", report_options.output, "Write the page to FILE instead of standard output");
  report_cmd->add_option("--input-format", report_options.input_format, "Treat inputs as this format")
      ->check(CLI::IsMember({"txt", "md", "html", "rst"}));
  report_cmd->add_option("--config", report_options.config, "Use this config file instead of the nearest .citelint.yaml");
  report_cmd->add_option("--profile", report_options.profile, "Profile: default, strict, publish or one of the config's")
      ->type_name("NAME");
  report_cmd->add_option("--rules", report_options.extra_rules, "An extra rules directory (a house style); repeatable")
      ->allow_extra_args(false);
  report_cmd->add_option("--rules-dir", report_options.rules_dir, "Rules directory; default: the shipped one");

  ServeOptions serve_options;
  CLI::App* serve_cmd = app.add_subcommand("serve", "Answer HTTP: the pre-publish gate a CMS calls (POST /v1/check)");
  serve_cmd->add_option("--listen", serve_options.listen, "HOST:PORT to listen on (port 0: any free port)")
      ->type_name("HOST:PORT")
      ->capture_default_str();
  serve_cmd->add_option("--token-file", serve_options.token_file,
                        "Require this bearer token (the file's one line) on every request but /healthz and /readyz");
  serve_cmd->add_option("--config", serve_options.config, "Use this config file instead of the nearest .citelint.yaml");
  serve_cmd->add_option("--rules", serve_options.extra_rules, "An extra rules directory (a house style); repeatable")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  serve_cmd->add_option("--rules-dir", serve_options.rules_dir, "Rules directory; default: the shipped one");
  serve_cmd->add_option("--max-body", serve_options.max_body, "Refuse larger bodies with 413 (suffixes k, M, G)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  serve_cmd->add_option("--max-header", serve_options.max_header, "Refuse a larger request line and headers with 431")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  serve_cmd->add_option("--request-timeout", serve_options.request_timeout,
                        "Seconds a request may take to arrive; then 408")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve_cmd->add_option("--workers", serve_options.workers, "Checks run at once (default: one per core)")
      ->check(CLI::PositiveNumber);
  serve_cmd->add_option("--max-in-flight", serve_options.max_in_flight,
                        "Requests checked or waiting at once; more get 503 with Retry-After (default: 16 per worker, at least 64)")
      ->check(CLI::PositiveNumber);

  CLI::App* quotes_cmd = app.add_subcommand("quotes", "List every quotation with its speaker, cue and the note that covers it");
  quotes_cmd->add_option("paths", quotes.paths, "Files or directories; - for stdin");
  quotes_cmd->add_option("--format", quotes.format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  quotes_cmd->add_option("--input-format", quotes.input_format, "Treat inputs as this format")
      ->check(CLI::IsMember({"txt", "md", "html", "rst"}));
  quotes_cmd->add_option("--rules-dir", quotes.rules_dir, "Rules directory (lexicons); default: the shipped one");

  std::string inspect_path;
  std::string inspect_format;
  CLI::App* inspect_cmd = app.add_subcommand("inspect", "Print the blocks, markers and notes the loader found");
  inspect_cmd->add_option("path", inspect_path, "A file, or - for stdin")->required();
  inspect_cmd->add_option("--input-format", inspect_format, "Treat the input as this format")
      ->check(CLI::IsMember({"txt", "md", "html", "rst"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // "citelint chek draft.md": say which command was meant.
    if (argc > 1 && argv[1][0] != '-') {
      std::vector<std::string> commands;
      for (const CLI::App* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
      if (std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
        const auto near = DidYouMean(argv[1], commands);
        std::cerr << fmt::format("citelint: error: no command '{}'{} (commands: {})\n", argv[1],
                                 near ? fmt::format("; did you mean '{}'?", *near) : std::string(),
                                 fmt::join(commands, ", "));
        return kExitError;
      }
    }
    app.exit(e);
    return kExitError;
  }
  if (check_cmd->parsed()) {
    check.fail_on_given = fail_on->count() > 0;
    return RunCheck(check);
  }
  if (inspect_cmd->parsed()) return RunInspect(inspect_path, inspect_format);
  if (quotes_cmd->parsed()) return RunQuotes(quotes);
  if (report_cmd->parsed()) return RunReport(report_options);
  if (serve_cmd->parsed()) return RunServe(serve_options);
  if (graph_cmd->parsed()) return RunGraph(graph_path, graph_format, graph_input_format, graph_rules_dir);
  if (rules_cmd->parsed()) return RunRules(rules_format, shared_rules_dir, extra_rules);
  if (config_cmd->parsed()) {
    return RunConfigPrint(config_target, config_path, config_rules_dir);
  }
  if (explain_cmd->parsed()) return RunExplain(explain_id, shared_rules_dir, extra_rules);
  if (test_cmd->parsed()) return RunTest(test_dirs, shared_rules_dir, extra_rules);
  return kExitError;
}

}  // namespace citelint::cli
