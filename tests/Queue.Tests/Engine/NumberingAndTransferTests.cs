using Queue.Silo.Engine;
using Queue.Silo.Tickets;

namespace Queue.Tests.Engine;

public sealed class NumberingAndTransferTests
{
    [Fact]
    public void NumbersCountPerPrefixAndRestartOnTheNextBusinessDayInShanghai()
    {
        // 15:59 UTC on Nov 23 is 23:59 in Shanghai; two minutes later it is the 24th there.
        var hall = new TestHall(new DateTimeOffset(2026, 11, 23, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal("A001", hall.Issue().Number);
        Assert.Equal("A002", hall.Issue().Number);
        Assert.Equal("F001", hall.Issue(TestHall.Tax).Number);
        var leftWaiting = hall.State.WaitingTickets.ToList();

        hall.Now = hall.Now.AddMinutes(2);
        var next = hall.Issue();
        Assert.Equal("A001", next.Number);
        Assert.Equal(new DateOnly(2026, 11, 24), next.BusinessDay);
        // Yesterday's unserved tickets expired at the rollover instead of being called today.
        Assert.All(leftWaiting, t => Assert.Equal(TicketStatus.Cancelled, t.Status));
        Assert.Equal([next], hall.State.WaitingTickets);
    }

    [Fact]
    public void NumbersPastNineHundredNinetyNineStayUnique()
    {
        var hall = new TestHall();
        var numbers = Enumerable.Range(0, 1001).Select(_ => hall.Issue().Number).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal("A999", numbers[998]);
        Assert.Equal("A1000", numbers[999]);
    }

    [Fact]
    public void TransferKeepsTheTicketsPlaceAndNumber()
    {
        var hall = new TestHall();
        var transferred = hall.Issue();                 // first of all
        var taxEarly = hall.Issue(TestHall.Tax);
        var taxLate = hall.Issue(TestHall.Tax);
        hall.CallNext("w1");
        hall.Run((s, c) => s.Start("w1", c));
        hall.Run((s, c) => s.Transfer("w1", TestHall.Tax, null, c));

        Assert.Equal(TicketStatus.Waiting, transferred.Status);
        Assert.Equal(TestHall.Tax, transferred.ServiceId);
        Assert.Equal("A001", transferred.Number);
        Assert.Equal(transferred.IssuedAt, transferred.QueuedAt);
        // It was in line before both tax tickets, so the tax window calls it first.
        Assert.Same(transferred, hall.CallNext("w2"));
        Assert.Same(taxEarly, hall.CallNext("w3"));
        Assert.Equal(TicketStatus.Waiting, taxLate.Status);
    }

    [Fact]
    public void TransferToASpecificWindowOnlyLetsThatWindowCallIt()
    {
        var hall = new TestHall();
        var t = hall.Issue();
        hall.CallNext("w3");
        Assert.Equal("transfer.sameWindow", Assert.Throws<HallException>(() => hall.Run((s, c) => s.Transfer("w3", TestHall.Tax, "w3", c))).Code);
        Assert.Equal("transfer.targetCannotServe", Assert.Throws<HallException>(() => hall.Run((s, c) => s.Transfer("w3", TestHall.Tax, "w1", c))).Code);
        hall.Run((s, c) => s.Transfer("w3", TestHall.Tax, "w2", c));
        Assert.Null(hall.CallNext("w3"));
        Assert.Same(t, hall.CallNext("w2"));
    }

    [Fact]
    public void WindowsOnlyCallWhatTheyServeAndPriorityComesFirst()
    {
        var hall = new TestHall();
        var social = hall.Issue();
        Assert.Null(hall.CallNext("w2"));
        var green = hall.Run((s, c) => s.IssueTicket(TestHall.Social, TicketChannel.Kiosk, TicketPriority.Green, "h", c));
        Assert.Same(green, hall.CallNext("w3"));
        Assert.Same(social, hall.CallNext("w1"));
    }
}
