using Queue.Silo.Booking;

namespace Queue.Tests.Citizen;

/// <summary>The mobile number a booking keeps, from what a phone's autofill or a person types.</summary>
public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")] // a phone's autofill
    [InlineData("+8613812345678")]
    [InlineData("0086 13812345678")]
    [InlineData("8613812345678")]
    [InlineData("１３８１２３４５６７８")] // full-width
    [InlineData(" 13812345678\n")]
    public void TheSameElevenDigitsAreKeptHoweverTheyAreTyped(string typed) => Assert.Equal("13812345678", MobileNumber.Normalize(typed));

    [Theory]
    [InlineData("12812345678")]   // no mobile prefix starts 12
    [InlineData("1381234567")]    // 10 digits
    [InlineData("138123456789")]  // 12 digits
    [InlineData("+1 415 555 0100")]
    [InlineData("0571-88886666")] // a landline
    [InlineData("138一二三45678")]
    [InlineData("١٣٨١٢٣٤٥٦٧٨")]   // Arabic-Indic digits are digits to Regex \d, not to a mobile network
    [InlineData("")]
    [InlineData(null)]
    public void OtherNumbersAreRefused(string? typed) => Assert.Null(MobileNumber.Normalize(typed));
}
