using Queue.Silo.Booking;

namespace Queue.Tests.Citizen;

/// <summary>公民身份号码 checks (GB 11643-1999).</summary>
public sealed class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")] // the standard's own example
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData(" 11010519491231002X ", "11010519491231002X")]
    [InlineData("110105 19491231 002X", "11010519491231002X")] // grouped as printed on the card
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")] // full-width from a Chinese keyboard
    public void ValidNumbersAreAcceptedInCanonicalForm(string input, string canonical) => Assert.Equal(canonical, IdNumber.Normalize(input));

    [Theory]
    [InlineData("110105194912310021")]  // wrong check character
    [InlineData("11010519491231002")]   // 17 characters
    [InlineData("1101051949123100211")] // 19 characters
    [InlineData("1101051949123A002X")]  // a letter among the digits
    [InlineData("")]
    [InlineData(null)]
    public void InvalidNumbersAreRefused(string? input) => Assert.Null(IdNumber.Normalize(input));

    [Theory]
    [InlineData("11010519491331002")] // month 13
    [InlineData("11010519490230002")] // 30 February
    [InlineData("11010518990101002")] // born before 1900
    public void ImpossibleBirthDatesAreRefusedEvenWithTheRightCheckCharacter(string first17) =>
        Assert.Null(IdNumber.Normalize(first17 + IdNumber.CheckCharacter(first17)));

    [Fact]
    public void CheckCharacterMatchesTheStandardExample() => Assert.Equal('X', IdNumber.CheckCharacter("11010519491231002"));
}
