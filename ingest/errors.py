"""Every failure as one Chinese sentence for the person who met it (the command line and the app alike).

``user_message(exc)`` turns what went wrong — a file that cannot be read, a home that cannot be written, a
full disk, a damaged store, a question too long — into one sentence; nothing else reaches the user (the
command line shows the traceback only with ``--debug``).
"""
from __future__ import annotations

import errno
import json
import sqlite3

from .model import IngestError

# What the operating system said, in Chinese (strerror is English whatever the locale of the machine).
_ERRNO = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
    errno.EROFS: "所在的文件系统是只读的",
    errno.ENOSPC: "磁盘空间已满",
    errno.EFBIG: "文件超出了允许的大小（磁盘配额或文件大小限制）",
    errno.EDQUOT: "超出了磁盘配额",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.EEXIST: "已有同名的文件，不能在那里建目录",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EIO: "磁盘读写出错",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ELOOP: "符号链接循环",
    errno.EMFILE: "打开的文件太多",
}
_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def os_reason(exc: OSError) -> str:
    """Why the system refused, in Chinese: 文件或目录不存在, 没有访问权限, 磁盘空间已满 …"""
    return _ERRNO.get(exc.errno, f"系统错误 {exc.errno}" if exc.errno else "系统错误")


def _path(exc: OSError) -> str:
    return f"“{exc.filename}”" if getattr(exc, "filename", None) else "文件"


def user_message(exc: BaseException) -> str:
    """One Chinese sentence saying what went wrong and, where there is one, what to do."""
    if isinstance(exc, IngestError) or type(exc).__name__ in ("StoreError", "QuestionTooLong"):
        return str(exc)
    bad_json = exc if isinstance(exc, json.JSONDecodeError) else exc.__cause__
    if isinstance(bad_json, json.JSONDecodeError):  # a question set (eval --questions) that is not JSON Lines
        where = "" if bad_json is exc else str(exc).split(": ")[0] + "："
        return f"{where}不是有效的 JSON（第 {bad_json.lineno} 行第 {bad_json.colno} 列有误）；每行应是一个 JSON 对象。"
    if isinstance(exc, UnicodeError):
        return "文件的编码无法识别：请用 UTF-8 或 GBK 保存后再试。"
    if isinstance(exc, MemoryError):
        return "内存不足，无法完成这项操作；请关闭其他程序或换一台内存更大的机器后再试。"
    if isinstance(exc, KeyboardInterrupt):
        return "已中断；已写入的内容保持完整，重新运行同一命令即可继续。"
    if isinstance(exc, OSError):
        if exc.errno in _FULL:
            return f"写入{_path(exc)}失败：{os_reason(exc)}；请腾出空间后重新运行，已有的语料不受影响。"
        if exc.errno in _DENIED:
            return (f"无法写入或读取{_path(exc)}：{os_reason(exc)}；请检查权限，或用 --home 指定一个可写的语料库目录。")
        return f"读写{_path(exc)}时出错：{os_reason(exc)}。"
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return "无法写入语料库：目录或数据库文件是只读的（或没有权限）；请检查权限，或用 --home 指定一个可写的目录。"
        if "full" in text or "disk i/o" in text:
            return "写入语料库失败：磁盘空间已满或磁盘读写出错；请腾出空间后重新运行，已有的语料不受影响。"
        if "locked" in text or "busy" in text:
            return "语料库正被另一个程序写入，请稍后再试。"
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return "语料库文件已损坏；请运行 budgetqa doctor 查看，并按提示重建。"
        return f"读写语料库时出错（{type(exc).__name__}）；请运行 budgetqa doctor 检查。"
    return f"出现了意外的内部错误（{type(exc).__name__}）；加上 --debug 重新运行可以看到详细信息。"
