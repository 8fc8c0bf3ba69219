namespace CustodySettle.Custody.Mirroring;

/// <summary>Asks the mirror for a pass now, after a report changed the ledger (a no-op when the mirror is off).</summary>
public interface IMirrorTrigger
{
    void Poke();
}
