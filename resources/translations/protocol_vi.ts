<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>domain.problems</name>
    <message>
        <location filename="../../fieldkit/domain/problems.py" />
        <source>The central server is older than this laptop's software and cannot do what this sync needs. Nothing is lost: the work stays on this laptop. Ask the support team to update the central server.</source>
        <translation>Máy chủ trung tâm cũ hơn phần mềm trên máy này nên không làm được việc mà lần đồng bộ này cần. Không mất gì: công việc vẫn nằm trên máy này. Hãy báo bộ phận kỹ thuật cập nhật máy chủ trung tâm.</translation>
    </message>
</context>
</TS>
