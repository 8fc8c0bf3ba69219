// Reference server for bench/grpc/run.sh: a minimal grpc++ (Debian's 1.51) implementation of
// custodysettle.testing.v1.Echo/Unary, the yardstick our C# gRPC transport is compared against.
// Only Unary is implemented; the other methods answer UNIMPLEMENTED (grpc++'s default).
//
//   echo_server <port> [callback|sync]
//
// callback (default): the callback ("reactor") API that grpc++ recommends for new code; handlers
//   run on grpc's own internal threads, no sync thread pool is created.
// sync: the classic synchronous Service (what the official helloworld example uses), with
//   ServerBuilder defaults: grpc++ grows its own polling/worker thread pool as calls arrive.
// Both are measured in docs/benchmarks.md; run.sh uses callback unless told --ref-mode sync.

#include <pthread.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "custodysettle/testing/v1/echo.grpc.pb.h"

using custodysettle::testing::v1::Echo;
using custodysettle::testing::v1::EchoReply;
using custodysettle::testing::v1::EchoRequest;

namespace {

class SyncEcho final : public Echo::Service {
  grpc::Status Unary(grpc::ServerContext*, const EchoRequest* req, EchoReply* reply) override {
    reply->set_message(req->message());
    reply->set_payload(req->payload());
    return grpc::Status::OK;
  }
};

class CallbackEcho final : public Echo::CallbackService {
  grpc::ServerUnaryReactor* Unary(grpc::CallbackServerContext* ctx, const EchoRequest* req,
                                  EchoReply* reply) override {
    reply->set_message(req->message());
    reply->set_payload(req->payload());
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s <port> [callback|sync]\n", argv[0]);
    return 2;
  }
  const std::string mode = argc == 3 ? argv[2] : "callback";
  if (mode != "sync" && mode != "callback") {
    std::fprintf(stderr, "unknown mode '%s' (callback|sync)\n", mode.c_str());
    return 2;
  }

  // Block SIGINT/SIGTERM before grpc starts its threads (they inherit the mask), so that only the
  // sigwait below sees them and the server shuts down cleanly instead of being killed mid-call.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  SyncEcho sync_service;
  CallbackEcho callback_service;
  const std::string address = std::string("127.0.0.1:") + argv[1];
  int bound_port = 0;

  grpc::ServerBuilder builder;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &bound_port);
  if (mode == "sync") {
    builder.RegisterService(&sync_service);
  } else {
    builder.RegisterService(&callback_service);
  }
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || bound_port == 0) {
    std::fprintf(stderr, "failed to listen on %s\n", address.c_str());
    return 1;
  }
  std::printf("echo_server (%s) listening on %s\n", mode.c_str(), address.c_str());
  std::fflush(stdout);

  int sig = 0;
  sigwait(&stop_signals, &sig);
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  return 0;
}
