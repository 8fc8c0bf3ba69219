using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using CustodySettle.Ledger.Writing;

namespace CustodySettle.Ledger.Tests.Writing;

public sealed class RequestFingerprintTests
{
    private static readonly TransferRequest Request = new(Guid.Parse("5b0c8f3e-1d2a-4b6c-8e9f-0a1b2c3d4e5f"), 1, 10, 20, new Amount(100));

    [Fact]
    public void Of_SameRequest_SameHashAndCanonicalJson()
    {
        var fingerprint = RequestFingerprint.Of(Request, OperationKind.Immediate);

        Assert.Equal(fingerprint.Hash, RequestFingerprint.Of(Request with { }, OperationKind.Immediate).Hash);
        Assert.Equal(
            """{"kind":"immediate","ledger_id":1,"debit_account_id":10,"credit_account_id":20,"amount":"100","pending_id":null,"timeout_ticks":null,"linked":false,"code":0,"reference":""}""",
            fingerprint.Json);
    }

    [Fact]
    public void FirstDifference_ReorderedStoredJson_NamesTheChangedField()
    {
        const string Stored = """{"code": 0, "kind": "immediate", "amount": "100", "linked": false, "ledger_id": 1, "reference": "", "pending_id": null, "timeout_ticks": null, "debit_account_id": 10, "credit_account_id": 20}""";

        var field = RequestFingerprint.FirstDifference(Stored, RequestFingerprint.Of(Request with { LinkedToNext = true }, OperationKind.Immediate).Json);

        Assert.Equal("linked", field);
    }
}
