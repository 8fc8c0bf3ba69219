namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CustodyTokenFactory <c>AssetRegistered(string asset, uint8 decimals)</c>.</summary>
public sealed record AssetRegistered(string Asset, int Decimals) : ContractEvent;
