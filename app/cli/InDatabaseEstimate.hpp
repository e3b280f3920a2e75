#pragma once

#include "CliSupport.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/study/InDatabaseStudy.hpp"

namespace causeway::cli {

// `estimate MODEL DATA --in-database`: runs study::runInDatabaseStudy (the engine the desktop
// app runs too) and prints its JSON or a summary. Options: those of estimate, plus --sample N
// (the in-memory study on N random rows drawn in the database) and --shard-key.
int runInDatabaseEstimate(const graph::CausalGraph& graph, const po::variables_map& vm, CommandIo& io);

// Runs the engine on `request` and prints what `estimate --in-database` prints (also for a
// project whose data.database says inDatabase).
int runInDatabaseRequest(const study::InDatabaseStudyRequest& request, bool json, CommandIo& io);

}  // namespace causeway::cli
