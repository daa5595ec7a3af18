using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Queue.Silo.Storage;

namespace Queue.Web.Infrastructure;

/// <summary>
/// Keeps data-protection keys in the database, so bearer tokens and cookies issued by one node are read
/// by every other node, and survive a restart.
/// </summary>
public sealed class DatabaseXmlRepository(IDbContextFactory<QueueDb> dbs) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbs.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbs.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
