namespace CustodySettle.Custody.Mirroring;

/// <summary>The trigger when no chain is configured: the ledger is kept, nothing is mirrored.</summary>
public sealed class NoMirror : IMirrorTrigger
{
    public void Poke()
    {
    }
}
