"""The custody flow driven by a non-.NET client: Python grpcio (the C-core implementation).

    /usr/bin/python3 custody_flow.py HOST:PORT OPERATOR_KEY DESK_WALLET

As an operator it registers an asset, a desk (with DESK_WALLET) and a custodian and issues the
custodian's and an auditor's keys; as the custodian it reports a balance statement; then, as the
operator, it runs reconciliations until the custody token is minted and nothing breaks (the mirror
mints within a pass or two); as the auditor it verifies the audit chain. Prints one JSON object with
what it saw; exits non-zero on any failure. Messages come from the protos at run time
(interop_protos.py explains why not generated code).
"""

import json
import sys
import time
import uuid

from pathlib import Path

import grpc
import grpc_tools

import interop_protos

# The well-known types (google/protobuf/timestamp.proto) ship with grpc_tools (Debian python3-grpc-tools).
interop_protos.PROTO_ROOTS.append(Path(grpc_tools.__file__).resolve().parent / "_proto")

interop_protos.PROTO_FILES = [
    "custodysettle/v1/common.proto",
    "custodysettle/v1/admin_service.proto",
    "custodysettle/v1/ledger_service.proto",
    "custodysettle/v1/custodian_service.proto",
    "custodysettle/v1/reconciliation_service.proto",
]

P = interop_protos.Protos()


def call(channel, service, method, request_type, response_type, key, **fields):
    stub = channel.unary_unary(
        "/custodysettle.v1.%s/%s" % (service, method),
        request_serializer=lambda m: m.SerializeToString(),
        response_deserializer=P.msg("custodysettle.v1." + response_type).FromString)
    request = P.msg("custodysettle.v1." + request_type)(**fields)
    return stub(request, metadata=[("authorization", "Bearer " + key)], timeout=30)


def main():
    target, operator, wallet = sys.argv[1], sys.argv[2], sys.argv[3]
    out = {}
    with grpc.insecure_channel(target) as channel:
        asset = call(channel, "AdminService", "CreateAsset", "CreateAssetRequest", "Asset", operator, asset_code="USDC", decimals=6)
        call(channel, "AdminService", "CreateDesk", "CreateDeskRequest", "Desk", operator, desk_id="py-desk", display_name="Python desk", wallet_address=wallet)
        call(channel, "AdminService", "CreateCustodian", "CreateCustodianRequest", "Custodian", operator, custodian_id="py-vault", display_name="Python vault")
        custodian = call(channel, "AdminService", "CreateApiKey", "CreateApiKeyRequest", "CreateApiKeyResponse", operator,
                         request_id=str(uuid.uuid4()), role=2, scope_id="py-vault", label="python custodian").secret
        auditor = call(channel, "AdminService", "CreateApiKey", "CreateApiKeyRequest", "CreateApiKeyResponse", operator,
                       request_id=str(uuid.uuid4()), role=3, label="python auditor").secret
        out["ledger_id"] = asset.ledger_id

        line = P.msg("custodysettle.v1.StatementLine")(desk_id="py-desk", asset="USDC", balance="3000000", reference="py-1")
        statement = P.msg("custodysettle.v1.ReportBalancesRequest")(statement_id="py-s-1", lines=[line])
        statement.as_of.GetCurrentTime()
        stub = channel.unary_unary("/custodysettle.v1.CustodianService/ReportBalances",
                                   request_serializer=lambda m: m.SerializeToString(),
                                   response_deserializer=P.msg("custodysettle.v1.Statement").FromString)
        reported = stub(statement, metadata=[("authorization", "Bearer " + custodian)], timeout=30)
        out["effect"] = P.pool.FindEnumTypeByName("custodysettle.v1.LineEffect").values_by_number[reported.lines[0].effect].name

        # A custodian may not read the audit chain: PERMISSION_DENIED, not a crash or a leak.
        try:
            call(channel, "LedgerService", "VerifyAuditChain", "VerifyAuditChainRequest", "VerifyAuditChainResponse", custodian)
            out["custodian_verify"] = "allowed"
        except grpc.RpcError as e:
            out["custodian_verify"] = e.code().name

        deadline = time.time() + 60
        while True:
            report = call(channel, "ReconciliationService", "RunReconciliation", "RunReconciliationRequest", "ReconciliationReport", operator)
            lines = [t for t in report.targets if t.desk_id == "py-desk"]
            if lines and lines[0].token_supply == "3000000" and not report.breaks:
                break
            if time.time() > deadline:
                raise SystemExit("not reconciled after 60 s: %s" % report)
            time.sleep(0.3)
        out["supply"] = lines[0].token_supply
        out["breaks"] = len(report.breaks)
        out["block"] = report.block_number

        verified = call(channel, "LedgerService", "VerifyAuditChain", "VerifyAuditChainRequest", "VerifyAuditChainResponse", auditor)
        out["intact"] = verified.intact
        out["entries"] = verified.entries_checked
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
