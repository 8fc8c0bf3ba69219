# The CustodySettle service image (used by docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig CustodySettle.sln ./
COPY protos/ protos/
COPY src/ src/
RUN dotnet publish src/CustodySettle.Server/CustodySettle.Server.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
USER app
EXPOSE 50051
ENTRYPOINT ["dotnet", "CustodySettle.Server.dll"]
