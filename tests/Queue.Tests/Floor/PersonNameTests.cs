using Queue.Silo.Floor;

namespace Queue.Tests.Floor;

/// <summary>Names on public screens are masked (design.md §7).</summary>
public sealed class PersonNameTests
{
    [Theory]
    [InlineData("张三丰", "张*丰")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("买买提·艾力", "买****力")]
    [InlineData("王", "王")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("John Smith", "J*** S****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MasksAllButTheEnds(string? name, string masked) => Assert.Equal(masked, PersonName.Mask(name));

    [Fact]
    public void CountsARareCharacterOutsideTheBasicPlaneAsOne()
    {
        // 𠮷 (U+20BB7) is two UTF-16 units; it must not be cut in half.
        Assert.Equal("𠮷*明", PersonName.Mask("𠮷小明"));
        Assert.Equal("李*", PersonName.Mask("李𠮷"));
    }
}
